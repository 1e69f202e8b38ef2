package org.citycase.citizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.citycase.citizen.reward.RewardService;
import org.springframework.stereotype.Component;

/**
 * Grants the reward of a first valid report when its case is registered. Called from the model's
 * {@code registeredYes} flow:
 * {@code <camunda:executionListener event="take" expression="${rewards.caseRegistered(execution)}"/>}.
 */
@Component("rewards")
public class RewardListener {

    private final RewardService rewards;

    public RewardListener(RewardService rewards) {
        this.rewards = rewards;
    }

    /** The shift leader registered (立案) the case. */
    public void caseRegistered(DelegateExecution execution) {
        rewards.caseRegistered(execution.getProcessBusinessKey());
    }
}

package org.citycase.sla.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citycase.engine.CaseLifecycle.Clock;
import org.springframework.stereotype.Component;

/**
 * Takes in a department's request for more time (延期申请): checks the hours asked for and counts the request on
 * the case, so the model can send the first request to a dispatcher and every later one to a shift leader. A bad
 * number of hours refuses the department's task completion with a 400 that names the field.
 *
 * <p>Requests are counted per case, refused ones included, and the count never starts again: after a return, the
 * next department's first request also goes to a shift leader. Domain texts count "a second request" without
 * saying per what; count per department if the city decides so.
 */
@Component("extensionRequestDelegate")
public class ExtensionRequestDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        ExtensionHours.of(execution.getVariable(Clock.EXTENSION_HOURS));
        Object counted = execution.getVariable(Clock.EXTENSION_REQUESTS);
        int requests = counted instanceof Number number ? number.intValue() : 0;
        execution.getProcessInstance().setVariable(Clock.EXTENSION_REQUESTS, requests + 1);
    }

    /** The hours of an extension as a form sends them: a whole number from 1 to {@link #MAX}. */
    static final class ExtensionHours {

        /** A hundred working days; a longer extension is a mistake or needs a different decision. */
        static final long MAX = 800;

        private ExtensionHours() {
        }

        /** @throws BadUserRequestException when the value is missing, fractional or out of range */
        static long of(Object value) {
            if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                    && number.doubleValue() >= 1 && number.doubleValue() <= MAX) {
                return number.longValue();
            }
            throw new BadUserRequestException(Clock.EXTENSION_HOURS + ": must be a whole number of hours from 1 to "
                    + MAX + ", was " + value);
        }
    }
}

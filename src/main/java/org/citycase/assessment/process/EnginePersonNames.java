package org.citycase.assessment.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.citycase.assessment.PersonNames;
import org.springframework.stereotype.Component;

/**
 * Names people by the engine's users: family name and given name written together in Chinese (赵值班长), with
 * a space between them otherwise.
 */
@Component
public class EnginePersonNames implements PersonNames {

    private final IdentityService identity;

    public EnginePersonNames(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public String nameOf(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String first = blankToEmpty(user.getFirstName());
        String last = blankToEmpty(user.getLastName());
        if (first.isEmpty() || last.isEmpty()) {
            return first.isEmpty() && last.isEmpty() ? userId : first + last;
        }
        boolean chinese = Character.UnicodeScript.of(first.codePointBefore(first.length()))
                == Character.UnicodeScript.HAN;
        return chinese ? first + last : first + " " + last;
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }
}

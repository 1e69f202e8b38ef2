package org.citycase.dispatch;

import org.citycase.casefile.CaseRepository;
import org.citycase.catalogue.Catalogue;
import org.citycase.catalogue.Department;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Records that a case was dispatched (派遣) to a department. */
@Service
public class DispatchService {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchService.class);

    private final Catalogue catalogue;
    private final CaseRepository cases;

    public DispatchService(Catalogue catalogue, CaseRepository cases) {
        this.catalogue = catalogue;
        this.cases = cases;
    }

    /**
     * Dispatches the case to the department with the given code.
     *
     * @return the department, whose group will acknowledge and handle the case
     * @throws UnknownDepartmentException when no department has that code
     */
    public Department dispatch(String caseNumber, String departmentCode) {
        Department department = catalogue.department(departmentCode)
                .orElseThrow(() -> new UnknownDepartmentException(departmentCode));
        cases.recordDispatch(caseNumber, department.code());
        LOG.info("Case {} dispatched to {}", caseNumber, department.code());
        return department;
    }

    /** The dispatcher chose a department code that the catalogue does not know. */
    public static class UnknownDepartmentException extends IllegalArgumentException {
        public UnknownDepartmentException(String code) {
            super("department: no department has the code '" + code + "'");
        }
    }
}

package org.citycase.catalogue;

/**
 * A class of managed component (部件) or event (事件) in the style of CJ/T 214.
 *
 * @param code                  our code: {@code C} for components or {@code E} for events, then the major and
 *                              minor class, e.g. {@code C0101} (上水井盖) or {@code E0102} (暴露垃圾)
 * @param kind                  component or event
 * @param majorClass            the two-digit major class, e.g. {@code 01}
 * @param majorName             the major class's Chinese name, e.g. 公用设施
 * @param name                  the Chinese name that staff and citizens see
 * @param registrationCondition when a report of this category is registered (立案条件)
 * @param closingCondition      when a case of this category may be closed (结案条件)
 * @param handlingLimit         the handling limit as the catalogue states it, e.g. {@code 3自然小时}; the
 *                              limit that timers use comes from the DMN table of limits
 * @param publicReport          whether citizens may report this category through the public channel
 */
public record Category(
        String code,
        Kind kind,
        String majorClass,
        String majorName,
        String name,
        String registrationCondition,
        String closingCondition,
        String handlingLimit,
        boolean publicReport) {

    /** Components are physical assets with an owner; events are things that happen in public space. */
    public enum Kind { COMPONENT, EVENT }
}

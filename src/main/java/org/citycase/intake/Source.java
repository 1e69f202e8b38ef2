package org.citycase.intake;

/** Where a report came from; reports from the public are verified on site before registration. */
public enum Source {
    SUPERVISOR("监督员上报"),
    CITIZEN("市民上报"),
    HOTLINE("12345热线"),
    CAMERA("视频监控");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    /** The Chinese name staff see. */
    public String label() {
        return label;
    }
}

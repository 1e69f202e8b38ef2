package org.citycase.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Draws a BPMN model as an SVG picture from the model's own diagram interchange (DI): the bounds of
 * every {@code BPMNShape}, the waypoints of every {@code BPMNEdge}, and the type and name of the element
 * each one shows. The picture is made from the model, never edited by hand, so it cannot drift from it;
 * {@code ProcessDiagramTest} fails when the committed picture is older than the model.
 *
 * <p>Tasks are rounded rectangles, coloured and marked by kind (user, business rule, service task, call
 * activity with a thick border); gateways are diamonds, start events thin circles, end events thick
 * circles (a terminate end filled), intermediate and boundary events double circles (dashed when
 * non-interrupting, with a clock face for timers), event subprocesses dashed rounded rectangles, and
 * sequence flows polylines with arrowheads. Only JDK XML APIs are used, so the
 * class runs straight from the compiled test classes:
 *
 * <pre>java -cp target/test-classes org.citycase.tools.ProcessDiagram [model.bpmn [picture.svg]]</pre>
 */
public final class ProcessDiagram {

    /** The model drawn when {@link #main} is given no arguments. */
    public static final Path DEFAULT_MODEL = Path.of("processes", "case-lifecycle.bpmn");

    /** The picture written when {@link #main} is given no second argument. */
    public static final Path DEFAULT_PICTURE = Path.of("processes", "case-lifecycle.svg");

    /** How to regenerate the default picture, from the project folder after {@code mvn test-compile}. */
    public static final String REGENERATE_COMMAND = "java -cp target/test-classes " + ProcessDiagram.class.getName();

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    private static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

    private static final String FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
    private static final String INK = "#263238";
    private static final String FLOW_INK = "#455a64";
    private static final int MARGIN = 40;
    private static final int TOP_MARGIN = 60;

    private ProcessDiagram() {
    }

    /**
     * Writes the SVG picture of a model.
     *
     * @param args optional: the BPMN file (default {@code processes/case-lifecycle.bpmn}) and the SVG
     *             file to write (default {@code processes/case-lifecycle.svg})
     */
    public static void main(String[] args) throws IOException {
        Path model = args.length > 0 ? Path.of(args[0]) : DEFAULT_MODEL;
        Path picture = args.length > 1 ? Path.of(args[1]) : DEFAULT_PICTURE;
        Files.writeString(picture, render(model), StandardCharsets.UTF_8);
        System.out.println("Wrote " + picture + " from " + model);
    }

    /**
     * Renders a BPMN file.
     *
     * @return the SVG document; the same model always gives the same text
     * @throws IllegalArgumentException when the file is not BPMN XML or has no diagram
     */
    public static String render(Path model) throws IOException {
        try (InputStream in = Files.newInputStream(model)) {
            return render(parse(in));
        }
    }

    private static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalArgumentException("Not a readable BPMN file: " + e.getMessage(), e);
        }
    }

    private static String render(Document document) {
        Map<String, Element> elements = new LinkedHashMap<>();
        NodeList all = document.getElementsByTagNameNS(BPMN, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("id")) {
                elements.put(element.getAttribute("id"), element);
            }
        }
        List<Shape> shapes = new ArrayList<>();
        NodeList shapeNodes = document.getElementsByTagNameNS(BPMNDI, "BPMNShape");
        for (int i = 0; i < shapeNodes.getLength(); i++) {
            Element di = (Element) shapeNodes.item(i);
            Element bounds = firstChild(di, DC, "Bounds");
            Element element = elements.get(di.getAttribute("bpmnElement"));
            if (bounds != null && element != null) {
                shapes.add(new Shape(element, number(bounds, "x"), number(bounds, "y"), number(bounds, "width"),
                        number(bounds, "height"), "true".equals(di.getAttribute("isMarkerVisible"))));
            }
        }
        List<Edge> edges = new ArrayList<>();
        NodeList edgeNodes = document.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
        for (int i = 0; i < edgeNodes.getLength(); i++) {
            Element di = (Element) edgeNodes.item(i);
            Element element = elements.get(di.getAttribute("bpmnElement"));
            List<Point> points = new ArrayList<>();
            for (Node child = di.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element waypoint && DI.equals(waypoint.getNamespaceURI())
                        && "waypoint".equals(waypoint.getLocalName())) {
                    points.add(new Point(number(waypoint, "x"), number(waypoint, "y")));
                }
            }
            if (element != null && points.size() >= 2) {
                edges.add(new Edge(element, points));
            }
        }
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("The model has no diagram (no BPMNShape)");
        }
        NodeList processes = document.getElementsByTagNameNS(BPMN, "process");
        String title = processes.getLength() > 0 ? ((Element) processes.item(0)).getAttribute("name") : "";
        return new Canvas(shapes, edges, title).draw();
    }

    private static Element firstChild(Element parent, String namespace, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    private record Point(double x, double y) {
    }

    private record Shape(Element element, double x, double y, double width, double height, boolean markerVisible) {

        String id() {
            return element.getAttribute("id");
        }

        String type() {
            return element.getLocalName();
        }

        String name() {
            return element.getAttribute("name").strip();
        }

        double centreX() {
            return x + width / 2;
        }

        double centreY() {
            return y + height / 2;
        }

        boolean hasChild(String localName) {
            return firstChild(element, BPMN, localName) != null;
        }
    }

    private record Edge(Element element, List<Point> points) {

        String id() {
            return element.getAttribute("id");
        }

        String name() {
            return element.getAttribute("name").strip();
        }
    }

    /** The look of a kind of task: fill, outline and the word used in the legend. */
    private enum TaskKind {
        USER("#e3effb", "#2f6fb0", "人工任务"),
        RULE("#fdf3d4", "#a67c00", "规则任务"),
        SERVICE("#e6f4e8", "#2e7d32", "服务任务"),
        CALL("#f1ecf8", "#5e35b1", "调用子流程"),
        OTHER("#f5f5f5", INK, "任务");

        final String fill;
        final String stroke;
        final String legend;

        TaskKind(String fill, String stroke, String legend) {
            this.fill = fill;
            this.stroke = stroke;
            this.legend = legend;
        }

        static TaskKind of(String type) {
            return switch (type) {
                case "userTask", "manualTask" -> USER;
                case "businessRuleTask" -> RULE;
                case "serviceTask", "sendTask", "scriptTask" -> SERVICE;
                case "callActivity" -> CALL;
                default -> OTHER;
            };
        }
    }

    /** Writes one picture; keeps the text of the SVG document being built. */
    private static final class Canvas {

        private final List<Shape> shapes;
        private final List<Edge> edges;
        private final String title;
        private final StringBuilder svg = new StringBuilder();
        private final double minX;
        private final double minY;
        private final double maxX;
        private final double maxY;

        Canvas(List<Shape> shapes, List<Edge> edges, String title) {
            this.shapes = shapes;
            this.edges = edges;
            this.title = title;
            double left = Double.MAX_VALUE;
            double top = Double.MAX_VALUE;
            double right = -Double.MAX_VALUE;
            double bottom = -Double.MAX_VALUE;
            for (Shape shape : shapes) {
                left = Math.min(left, shape.x());
                top = Math.min(top, shape.y());
                right = Math.max(right, shape.x() + shape.width());
                bottom = Math.max(bottom, shape.y() + shape.height());
            }
            for (Edge edge : edges) {
                for (Point point : edge.points()) {
                    left = Math.min(left, point.x());
                    top = Math.min(top, point.y());
                    right = Math.max(right, point.x());
                    bottom = Math.max(bottom, point.y());
                }
            }
            minX = left;
            minY = top;
            maxX = right;
            maxY = bottom;
        }

        String draw() {
            double x = minX - MARGIN;
            double y = minY - TOP_MARGIN;
            double width = maxX - minX + 2 * MARGIN;
            double height = maxY - minY + TOP_MARGIN + MARGIN;
            line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            line("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n(width) + "\" height=\"" + n(height)
                    + "\" viewBox=\"" + n(x) + " " + n(y) + " " + n(width) + " " + n(height)
                    + "\" font-family=\"" + FONT + "\" font-size=\"13\">");
            line("  <title>" + escape(title) + "</title>");
            line("  <defs>");
            line("    <marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"10\""
                    + " markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">");
            line("      <path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"" + FLOW_INK + "\"/>");
            line("    </marker>");
            line("  </defs>");
            line("  <rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(width) + "\" height=\"" + n(height)
                    + "\" fill=\"#ffffff\"/>");
            if (!title.isEmpty()) {
                line("  <text x=\"" + n(minX) + "\" y=\"" + n(minY - 28) + "\" font-size=\"18\" font-weight=\"bold\""
                        + " fill=\"" + INK + "\">" + escape(title) + "</text>");
            }
            for (Shape shape : shapes) {
                if ("subProcess".equals(shape.type())) {
                    subProcess(shape);
                }
            }
            for (Edge edge : edges) {
                flow(edge);
            }
            for (Shape shape : shapes) {
                String type = shape.type();
                if (isTask(type)) {
                    task(shape);
                } else if (type.endsWith("Gateway")) {
                    gateway(shape);
                } else if (type.endsWith("Event")) {
                    event(shape);
                } else if (!"subProcess".equals(type)) {
                    other(shape);
                }
            }
            for (Edge edge : edges) {
                flowLabel(edge);
            }
            legend();
            line("</svg>");
            return svg.toString();
        }

        private void subProcess(Shape shape) {
            boolean triggeredByEvent = "true".equals(shape.element().getAttribute("triggeredByEvent"));
            open(shape);
            line("    <rect x=\"" + n(shape.x()) + "\" y=\"" + n(shape.y()) + "\" width=\"" + n(shape.width())
                    + "\" height=\"" + n(shape.height()) + "\" rx=\"12\" fill=\"#fafafa\" stroke=\"" + INK
                    + "\" stroke-width=\"1.5\"" + (triggeredByEvent ? " stroke-dasharray=\"6 4\"" : "") + "/>");
            line("    <text x=\"" + n(shape.x() + 12) + "\" y=\"" + n(shape.y() + 22)
                    + "\" font-weight=\"bold\" fill=\"" + INK + "\">" + escape(shape.name()) + "</text>");
            if (triggeredByEvent) {
                line("    <text x=\"" + n(shape.x() + shape.width() - 12) + "\" y=\"" + n(shape.y() + 22)
                        + "\" font-size=\"11\" text-anchor=\"end\" fill=\"#78909c\">事件子流程</text>");
            }
            line("  </g>");
        }

        private void task(Shape shape) {
            TaskKind kind = TaskKind.of(shape.type());
            open(shape);
            line("    <rect x=\"" + n(shape.x()) + "\" y=\"" + n(shape.y()) + "\" width=\"" + n(shape.width())
                    + "\" height=\"" + n(shape.height()) + "\" rx=\"10\" fill=\"" + kind.fill + "\" stroke=\""
                    + kind.stroke + "\" stroke-width=\"" + (kind == TaskKind.CALL ? "4" : "2") + "\"/>");
            marker(kind, shape.x(), shape.y());
            if (kind == TaskKind.CALL) {
                // BPMN's mark of a call activity: a small square with a plus, bottom centre.
                double x = shape.centreX() - 7;
                double y = shape.y() + shape.height() - 18;
                line("    <rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"14\" height=\"14\" fill=\"none\""
                        + " stroke=\"" + kind.stroke + "\" stroke-width=\"1.5\"/>");
                line("    <path d=\"M " + n(x + 3) + " " + n(y + 7) + " H " + n(x + 11) + " M " + n(x + 7) + " "
                        + n(y + 3) + " V " + n(y + 11) + "\" stroke=\"" + kind.stroke + "\" stroke-width=\"1.5\"/>");
            }
            centredText(shape.name(), shape.centreX(), shape.centreY() + 4, shape.width() - 12, INK);
            line("  </g>");
        }

        private void marker(TaskKind kind, double x, double y) {
            String stroke = " stroke=\"" + kind.stroke + "\"";
            switch (kind) {
                case USER -> {
                    line("    <circle cx=\"" + n(x + 14) + "\" cy=\"" + n(y + 11) + "\" r=\"3.5\" fill=\"none\""
                            + stroke + " stroke-width=\"1.5\"/>");
                    line("    <path d=\"M " + n(x + 7) + " " + n(y + 22) + " Q " + n(x + 7) + " " + n(y + 15.5) + " "
                            + n(x + 14) + " " + n(y + 15.5) + " Q " + n(x + 21) + " " + n(y + 15.5) + " " + n(x + 21)
                            + " " + n(y + 22) + " Z\" fill=\"none\"" + stroke + " stroke-width=\"1.5\"/>");
                }
                case RULE -> {
                    line("    <rect x=\"" + n(x + 7) + "\" y=\"" + n(y + 8) + "\" width=\"16\" height=\"12\""
                            + " fill=\"#ffffff\"" + stroke + " stroke-width=\"1.2\"/>");
                    line("    <rect x=\"" + n(x + 7) + "\" y=\"" + n(y + 8) + "\" width=\"16\" height=\"3.5\""
                            + " fill=\"" + kind.stroke + "\"/>");
                    line("    <path d=\"M " + n(x + 12) + " " + n(y + 11.5) + " V " + n(y + 20) + " M " + n(x + 7)
                            + " " + n(y + 15.75) + " H " + n(x + 23) + "\" fill=\"none\"" + stroke
                            + " stroke-width=\"1\"/>");
                }
                case SERVICE -> {
                    line("    <circle cx=\"" + n(x + 15) + "\" cy=\"" + n(y + 14) + "\" r=\"6\" fill=\"none\""
                            + stroke + " stroke-width=\"3\" stroke-dasharray=\"2.2 2.51\"/>");
                    line("    <circle cx=\"" + n(x + 15) + "\" cy=\"" + n(y + 14) + "\" r=\"4.5\" fill=\"#ffffff\""
                            + stroke + " stroke-width=\"1.5\"/>");
                    line("    <circle cx=\"" + n(x + 15) + "\" cy=\"" + n(y + 14) + "\" r=\"1.5\" fill=\""
                            + kind.stroke + "\"/>");
                }
                default -> {
                }
            }
        }

        private void gateway(Shape shape) {
            double cx = shape.centreX();
            double cy = shape.centreY();
            open(shape);
            line("    <polygon points=\"" + n(cx) + "," + n(shape.y()) + " " + n(shape.x() + shape.width()) + ","
                    + n(cy) + " " + n(cx) + "," + n(shape.y() + shape.height()) + " " + n(shape.x()) + "," + n(cy)
                    + "\" fill=\"#fffdf5\" stroke=\"" + INK + "\" stroke-width=\"2\"/>");
            double arm = shape.width() / 6;
            if ("parallelGateway".equals(shape.type())) {
                line("    <path d=\"M " + n(cx - arm) + " " + n(cy) + " H " + n(cx + arm) + " M " + n(cx) + " "
                        + n(cy - arm) + " V " + n(cy + arm) + "\" stroke=\"" + INK + "\" stroke-width=\"3\"/>");
            } else if (shape.markerVisible()) {
                line("    <path d=\"M " + n(cx - arm) + " " + n(cy - arm) + " L " + n(cx + arm) + " " + n(cy + arm)
                        + " M " + n(cx + arm) + " " + n(cy - arm) + " L " + n(cx - arm) + " " + n(cy + arm)
                        + "\" stroke=\"" + INK + "\" stroke-width=\"3\"/>");
            }
            if (!shape.name().isEmpty()) {
                if (leavesThroughTop(shape)) {
                    // A flow runs up from the top corner: keep the name clear of it, on its left.
                    line("    <text x=\"" + n(cx - 8) + "\" y=\"" + n(shape.y() - 6) + "\" text-anchor=\"end\" fill=\""
                            + INK + "\">" + escape(shape.name()) + "</text>");
                } else {
                    line("    <text x=\"" + n(cx) + "\" y=\"" + n(shape.y() - 8) + "\" text-anchor=\"middle\" fill=\""
                            + INK + "\">" + escape(shape.name()) + "</text>");
                }
            }
            line("  </g>");
        }

        private boolean leavesThroughTop(Shape shape) {
            for (Edge edge : edges) {
                List<Point> points = edge.points();
                for (Point end : List.of(points.get(0), points.get(points.size() - 1))) {
                    if (Math.abs(end.x() - shape.centreX()) < 1 && Math.abs(end.y() - shape.y()) < 1) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void event(Shape shape) {
            boolean end = "endEvent".equals(shape.type());
            boolean start = "startEvent".equals(shape.type());
            double r = Math.min(shape.width(), shape.height()) / 2;
            double cx = shape.centreX();
            double cy = shape.centreY();
            String fill = end ? "#fdecea" : start ? "#eef7ee" : "#ffffff";
            String stroke = end ? "#b71c1c" : start ? "#2e7d32" : INK;
            // A non-interrupting boundary event is drawn dashed, as BPMN has it.
            String dashes = "false".equals(shape.element().getAttribute("cancelActivity"))
                    ? " stroke-dasharray=\"4 2\"" : "";
            open(shape);
            line("    <circle cx=\"" + n(cx) + "\" cy=\"" + n(cy) + "\" r=\"" + n(end ? r - 2 : r) + "\" fill=\"" + fill
                    + "\" stroke=\"" + stroke + "\" stroke-width=\"" + (end ? "4" : "2") + "\"" + dashes + "/>");
            if (!start && !end) {
                line("    <circle cx=\"" + n(cx) + "\" cy=\"" + n(cy) + "\" r=\"" + n(r - 3) + "\" fill=\"none\""
                        + " stroke=\"" + stroke + "\" stroke-width=\"1.5\"" + dashes + "/>");
            }
            if (shape.hasChild("terminateEventDefinition")) {
                line("    <circle cx=\"" + n(cx) + "\" cy=\"" + n(cy) + "\" r=\"" + n(r * 0.5) + "\" fill=\"" + stroke
                        + "\"/>");
            }
            if (shape.hasChild("timerEventDefinition")) {
                double face = r * 0.62;
                line("    <circle cx=\"" + n(cx) + "\" cy=\"" + n(cy) + "\" r=\"" + n(face) + "\" fill=\"#ffffff\""
                        + " stroke=\"" + stroke + "\" stroke-width=\"1.5\"/>");
                line("    <path d=\"M " + n(cx) + " " + n(cy - face * 0.75) + " V " + n(cy) + " L "
                        + n(cx + face * 0.55) + " " + n(cy + face * 0.3) + "\" fill=\"none\" stroke=\"" + stroke
                        + "\" stroke-width=\"1.5\"/>");
            }
            if (shape.hasChild("messageEventDefinition")) {
                double w = r * 0.9;
                double h = r * 0.6;
                line("    <rect x=\"" + n(cx - w / 2) + "\" y=\"" + n(cy - h / 2) + "\" width=\"" + n(w)
                        + "\" height=\"" + n(h) + "\" fill=\"#ffffff\" stroke=\"" + stroke
                        + "\" stroke-width=\"1.5\"/>");
                line("    <path d=\"M " + n(cx - w / 2) + " " + n(cy - h / 2) + " L " + n(cx) + " " + n(cy + h / 8)
                        + " L " + n(cx + w / 2) + " " + n(cy - h / 2) + "\" fill=\"none\" stroke=\"" + stroke
                        + "\" stroke-width=\"1.5\"/>");
            }
            if (!shape.name().isEmpty()) {
                line("    <text x=\"" + n(cx) + "\" y=\"" + n(shape.y() + shape.height() + 17)
                        + "\" text-anchor=\"middle\" fill=\"" + INK + "\">" + escape(shape.name()) + "</text>");
            }
            line("  </g>");
        }

        private void other(Shape shape) {
            open(shape);
            line("    <rect x=\"" + n(shape.x()) + "\" y=\"" + n(shape.y()) + "\" width=\"" + n(shape.width())
                    + "\" height=\"" + n(shape.height()) + "\" fill=\"none\" stroke=\"" + INK + "\"/>");
            centredText(shape.name(), shape.centreX(), shape.centreY() + 4, shape.width() - 12, INK);
            line("  </g>");
        }

        private void flow(Edge edge) {
            StringBuilder points = new StringBuilder();
            for (Point point : edge.points()) {
                points.append(points.length() == 0 ? "" : " ").append(n(point.x())).append(',').append(n(point.y()));
            }
            line("  <polyline id=\"" + escape(edge.id()) + "\" points=\"" + points + "\" fill=\"none\" stroke=\""
                    + FLOW_INK + "\" stroke-width=\"1.5\" stroke-linejoin=\"round\" marker-end=\"url(#arrow)\"/>");
        }

        private void flowLabel(Edge edge) {
            if (edge.name().isEmpty()) {
                return;
            }
            Point from = edge.points().get(0);
            Point to = edge.points().get(1);
            double midX = (from.x() + to.x()) / 2;
            double midY = (from.y() + to.y()) / 2;
            String text = escape(edge.name());
            String attributes = "font-size=\"11\" fill=\"#37474f\"";
            if (Math.abs(to.x() - from.x()) < Math.abs(to.y() - from.y())) {
                // Beside a vertical segment, half way along it.
                line("  <text x=\"" + n(midX + 6) + "\" y=\"" + n(midY + 4) + "\" text-anchor=\"start\" " + attributes
                        + ">" + text + "</text>");
            } else {
                // Above a horizontal segment, starting at its source, where a gateway's corner leaves room.
                boolean rightwards = to.x() >= from.x();
                line("  <text x=\"" + n(from.x() + (rightwards ? 1 : -1)) + "\" y=\"" + n(midY - 7)
                        + "\" text-anchor=\"" + (rightwards ? "start" : "end") + "\" " + attributes + ">" + text
                        + "</text>");
            }
        }

        private void legend() {
            List<TaskKind> kinds = new ArrayList<>();
            for (Shape shape : shapes) {
                String type = shape.type();
                TaskKind kind = TaskKind.of(type);
                if (isTask(type) && kind != TaskKind.OTHER && !kinds.contains(kind)) {
                    kinds.add(kind);
                }
            }
            kinds.sort(null);
            double itemWidth = 100;
            double x = maxX - kinds.size() * itemWidth;
            double y = maxY - 28;
            line("  <g id=\"legend\">");
            for (TaskKind kind : kinds) {
                line("    <rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"30\" height=\"28\" rx=\"5\" fill=\""
                        + kind.fill + "\" stroke=\"" + kind.stroke + "\" stroke-width=\"1.5\"/>");
                marker(kind, x, y);
                line("    <text x=\"" + n(x + 38) + "\" y=\"" + n(y + 19) + "\" font-size=\"12\" fill=\"" + INK + "\">"
                        + kind.legend + "</text>");
                x += itemWidth;
            }
            line("  </g>");
        }

        private static boolean isTask(String type) {
            return type.endsWith("Task") || "task".equals(type) || "callActivity".equals(type);
        }

        private void open(Shape shape) {
            line("  <g id=\"" + escape(shape.id()) + "\" data-type=\"" + shape.type() + "\">");
        }

        /** Writes a name centred on a point, broken into lines that fit the width. */
        private void centredText(String text, double cx, double cy, double width, String fill) {
            List<String> lines = wrap(text, width, 13);
            double lineHeight = 16;
            double first = cy - (lines.size() - 1) * lineHeight / 2;
            if (lines.size() == 1) {
                line("    <text x=\"" + n(cx) + "\" y=\"" + n(first) + "\" text-anchor=\"middle\" fill=\"" + fill
                        + "\">" + escape(text) + "</text>");
                return;
            }
            StringBuilder spans = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                spans.append("<tspan x=\"").append(n(cx)).append("\" y=\"").append(n(first + i * lineHeight))
                        .append("\">").append(escape(lines.get(i))).append("</tspan>");
            }
            line("    <text text-anchor=\"middle\" fill=\"" + fill + "\">" + spans + "</text>");
        }

        private void line(String text) {
            svg.append(text).append('\n');
        }
    }

    /** Breaks text into lines no wider than {@code width}, reckoning CJK characters one em wide. */
    static List<String> wrap(String text, double width, double fontSize) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        double used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            double advance = (codePoint > 0x2E80 ? 1.0 : 0.55) * fontSize;
            if (used + advance > width && current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
                used = 0;
            }
            current.appendCodePoint(codePoint);
            used += advance;
            i += Character.charCount(codePoint);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static String n(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.2f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

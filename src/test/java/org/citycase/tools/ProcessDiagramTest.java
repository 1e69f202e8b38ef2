package org.citycase.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps {@code processes/case-lifecycle.svg} drawn from the current model, and checks that the drawing
 * shows every element of it.
 */
class ProcessDiagramTest {

    private static String rendering;
    private static Document svg;

    @BeforeAll
    static void render() throws Exception {
        rendering = ProcessDiagram.render(ProcessDiagram.DEFAULT_MODEL);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        svg = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(rendering.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theCommittedDiagramIsDrawnFromTheCurrentModel() throws IOException {
        String howToFix = ProcessDiagram.DEFAULT_PICTURE + " is not the drawing of " + ProcessDiagram.DEFAULT_MODEL
                + "; regenerate it from the project folder with `mvn -o -q test-compile && "
                + ProcessDiagram.REGENERATE_COMMAND + "` and commit it";
        assertThat(ProcessDiagram.DEFAULT_PICTURE).as(howToFix).exists();
        String committed = Files.readString(ProcessDiagram.DEFAULT_PICTURE, StandardCharsets.UTF_8);
        assertThat(unixLines(committed)).as(howToFix).isEqualTo(rendering);
    }

    @Test
    void everyFlowNodeOfTheModelAppearsInTheDiagramByName() {
        BpmnModelInstance model = Bpmn.readModelFromFile(ProcessDiagram.DEFAULT_MODEL.toFile());
        Set<String> texts = texts();
        Set<String> ids = ids();
        assertThat(model.getModelElementsByType(FlowNode.class)).isNotEmpty().allSatisfy(node -> {
            assertThat(ids).as("shape of %s", node.getId()).contains(node.getId());
            if (node.getName() != null && !node.getName().isBlank()) {
                assertThat(texts).as("name of %s", node.getId()).contains(node.getName().strip());
            }
        });
    }

    @Test
    void everySequenceFlowIsDrawnWithItsName() {
        BpmnModelInstance model = Bpmn.readModelFromFile(ProcessDiagram.DEFAULT_MODEL.toFile());
        Set<String> texts = texts();
        Set<String> ids = ids();
        assertThat(model.getModelElementsByType(SequenceFlow.class)).isNotEmpty().allSatisfy(flow -> {
            assertThat(ids).as("line of %s", flow.getId()).contains(flow.getId());
            if (flow.getName() != null && !flow.getName().isBlank()) {
                assertThat(texts).as("name of %s", flow.getId()).contains(flow.getName().strip());
            }
        });
    }

    @Test
    void theDiagramHasAWhiteBackgroundAndAFontThatCoversChinese() {
        Element root = svg.getDocumentElement();
        assertThat(root.getAttribute("font-family")).contains("Noto Sans CJK SC").contains("Microsoft YaHei")
                .contains("PingFang SC").endsWith("sans-serif");
        Element background = (Element) root.getElementsByTagNameNS("*", "rect").item(0);
        assertThat(background.getAttribute("fill")).isEqualTo("#ffffff");
        assertThat(background.getAttribute("width")).isEqualTo(root.getAttribute("width"));
        assertThat(background.getAttribute("height")).isEqualTo(root.getAttribute("height"));
    }

    private static Set<String> texts() {
        Set<String> texts = new HashSet<>();
        NodeList nodes = svg.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    private static Set<String> ids() {
        Set<String> ids = new HashSet<>();
        NodeList nodes = svg.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (element.hasAttribute("id")) {
                ids.add(element.getAttribute("id"));
            }
        }
        return ids;
    }

    private static String unixLines(String text) {
        return text.replace("\r\n", "\n");
    }
}

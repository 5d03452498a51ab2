package dev.optkit.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The labels of assess's chart of files. A multi-module project's two RemoteCatalogClient.java were labelled by the
 * last 35 characters of their paths, the same for both (found by a new user on a nine-module Spring Boot project).
 */
class FileLabelsTest {
  private static final String ACCOUNT =
      "services/account-service/src/main/java/com/example/account/client/RemoteCatalogClient.java";
  private static final String ORDER =
      "services/order-service/src/main/java/com/example/order/client/RemoteCatalogClient.java";
  private static final String ALONE =
      "services/order-service/src/main/java/com/example/order/reconciliation/OrderStatementReconciliationAssemblyService.java";

  @Test
  void twoFilesOfOneNameInTwoModulesAreLabelledByTheFolderThatTellsThemApart() throws Exception {
    Map<String, Long> byFile = new LinkedHashMap<>();
    byFile.put(ACCOUNT, 3_000L);
    byFile.put(ORDER, 2_000L);
    byFile.put(ALONE, 1_000L);
    List<HtmlReport.Bar> bars = HtmlReport.fileLabels(byFile);
    List<String> labels = bars.stream().map(HtmlReport.Bar::label).toList();
    assertTrue(labels.get(0).startsWith("account-service" + FileLabels.GAP) && labels.get(0).endsWith("Client.java")
        && labels.get(1).startsWith("order-service" + FileLabels.GAP) && labels.get(1).endsWith("Client.java"),
        "the modules tell the two apart: " + labels);
    assertTrue(labels.stream().allMatch(l -> l.length() <= HtmlReport.LABEL_CHARACTERS), labels.toString());
    assertEquals(expectedAlone(), labels.get(2), "a file alone: its name");

    // drawn: each label as the text beside its bar, the whole path in the bar's tooltip
    Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
        HtmlReport.chart(bars, "#000").getBytes(StandardCharsets.UTF_8)));
    List<String> texts = texts(svg.getElementsByTagName("text"));
    assertTrue(texts.contains(bars.get(0).label()) && texts.contains(bars.get(1).label()), texts.toString());
    assertEquals(List.of(ACCOUNT, ORDER, ALONE), texts(svg.getElementsByTagName("title")));
  }

  @Test
  void aLongLabelKeepsWhatTellsItApartAndTheEndOfItsName() {
    List<String> paths = List.of("modules/a-very-long-module-name-for-the-billing-side/src/Name.java",
        "modules/a-very-long-module-name-for-the-shipping-side/src/Name.java");
    String billing = FileLabels.label(paths.get(0), paths, 30);
    String shipping = FileLabels.label(paths.get(1), paths, 30);
    assertTrue(!billing.equals(shipping), billing + " and " + shipping + " must differ");
    for (String label : List.of(billing, shipping)) {
      assertTrue(label.length() <= 30, label);
      assertTrue(label.endsWith(FileLabels.GAP + "Name.java"), label);
    }
  }

  /** The file alone: its name, cut in the middle to the label's width (its start is what tells it from others). */
  private static String expectedAlone() {
    String name = "OrderStatementReconciliationAssemblyService.java";
    String label = FileLabels.shortened(name, HtmlReport.LABEL_CHARACTERS);
    assertTrue(label.length() <= HtmlReport.LABEL_CHARACTERS && label.startsWith("OrderStatement")
        && label.endsWith("Service.java"), label);
    return label;
  }

  private static List<String> texts(NodeList nodes) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }
}

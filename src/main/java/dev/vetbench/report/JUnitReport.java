package dev.vetbench.report;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.CheckCatalogue;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.assessment.VersionComparison;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The assessment as JUnit XML, so vendors can gate CI on it: one test suite per image version, one test case per
 * check; FAIL is a failure, ERROR an error (never a pass), NOT_APPLICABLE skipped.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    /** Writes the JUnit XML file. */
    public static void write(Assessment assessment, Path file) throws ReportException {
        try {
            Files.write(file, toXml(assessment));
        } catch (IOException e) {
            throw new ReportException("The JUnit report could not be written to " + file + "; check that the "
                + "folder is writable.", e);
        }
    }

    /** The JUnit XML bytes. */
    public static byte[] toXml(Assessment assessment) throws ReportException {
        VersionComparison comparison = VersionComparison.of(assessment);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "Vetbench assessment of " + assessment.product());
            for (ImageVersion version : comparison.versions()) {
                suite(xml, assessment, version, comparison.checkIds());
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new ReportException("The JUnit report could not be built; this is a bug.", e);
        }
        return out.toByteArray();
    }

    private static void suite(XMLStreamWriter xml, Assessment assessment, ImageVersion version,
            List<String> checkIds) throws XMLStreamException {
        List<CheckResult> results = checkIds.stream().map(id -> assessment.result(version.id(), id))
            .flatMap(Optional::stream).toList();
        Map<Verdict, Long> counts = results.stream().collect(java.util.stream.Collectors.groupingBy(
            CheckResult::verdict, java.util.stream.Collectors.counting()));
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", version.id());
        xml.writeAttribute("tests", String.valueOf(results.size()));
        xml.writeAttribute("failures", String.valueOf(counts.getOrDefault(Verdict.FAIL, 0L)));
        xml.writeAttribute("errors", String.valueOf(counts.getOrDefault(Verdict.ERROR, 0L)));
        xml.writeAttribute("skipped", String.valueOf(counts.getOrDefault(Verdict.NOT_APPLICABLE, 0L)));
        double seconds = results.stream().mapToLong(r -> r.duration().toMillis()).sum() / 1000.0;
        xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
        for (CheckResult result : results) {
            testCase(xml, version, result);
        }
        xml.writeEndElement();
    }

    private static void testCase(XMLStreamWriter xml, ImageVersion version, CheckResult result)
            throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", version.id());
        xml.writeAttribute("name", CheckCatalogue.describe(result.checkId()).title());
        xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", result.duration().toMillis() / 1000.0));
        switch (result.verdict()) {
            case FAIL -> element(xml, "failure", result.summary(), result);
            case ERROR -> element(xml, "error", result.errorReason().description() + ": " + result.summary(),
                result);
            case NOT_APPLICABLE -> {
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", result.summary());
                xml.writeEndElement();
            }
            case PASS -> xml.writeCharacters("");
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String message, CheckResult result)
            throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("message", message);
        xml.writeAttribute("type", result.checkId());
        StringBuilder text = new StringBuilder();
        result.evidence().facts().forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
        result.evidence().transcript().forEach(line -> text.append(line).append('\n'));
        xml.writeCharacters(text.toString());
        xml.writeEndElement();
    }
}

package dev.vetbench.report;

import dev.vetbench.assessment.Assessment;
import dev.vetbench.assessment.CheckCatalogue;
import dev.vetbench.assessment.CheckInfo;
import dev.vetbench.assessment.ImageVersion;
import dev.vetbench.assessment.Note;
import dev.vetbench.assessment.VersionComparison;
import dev.vetbench.assessment.Waiver;
import dev.vetbench.checks.CheckResult;
import dev.vetbench.checks.Verdict;
import java.awt.Color;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** The sections of the PDF report, written in reading order through one {@link PageLayout}. */
final class ReportSections {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final float BODY = 10f;
    private static final float LABEL_WIDTH = 118f;
    private static final float COVER_BOTTOM = 84f;

    private final PageLayout page;
    private final Assessment assessment;
    private final ReportDocument document;
    private final VersionComparison comparison;
    private final LocalDate day;
    private final ReportFonts fonts;

    ReportSections(PageLayout page, Assessment assessment, ReportDocument document, VersionComparison comparison,
            LocalDate day) {
        this.page = page;
        this.assessment = assessment;
        this.document = document;
        this.comparison = comparison;
        this.day = day;
        this.fonts = page.fonts;
    }

    // ---- cover -------------------------------------------------------------------------------------------------

    void cover(Optional<SignerDescription> signer) throws IOException {
        page.newPage();
        float bandBottom = ReportStyle.PAGE_HEIGHT - 285f;
        page.fill(0, bandBottom, ReportStyle.PAGE_WIDTH, 285f, ReportStyle.BRAND);
        page.fill(0, bandBottom - 5f, ReportStyle.PAGE_WIDTH, 5f, outcomeColour());
        page.line(ReportStyle.MARGIN, 70f, ReportStyle.PAGE_WIDTH - ReportStyle.MARGIN, 70f, ReportStyle.RULE, 0.6f);
        page.show("Confidential: this report describes security weaknesses of the vendor's software.",
            fonts.regular, 7.5f, ReportStyle.MUTED, ReportStyle.MARGIN, 56f);
        page.show("Share it only with the parties named on this page. Prepared with Vetbench.", fonts.regular, 7.5f,
            ReportStyle.MUTED, ReportStyle.MARGIN, 45f);
        float x = ReportStyle.MARGIN;
        page.show("VETBENCH", fonts.bold, 10f, ReportStyle.BRAND_LIGHT, x, ReportStyle.PAGE_HEIGHT - 64f);
        page.show("Container security assessment", fonts.regular, 12f, ReportStyle.BRAND_LIGHT, x,
            ReportStyle.PAGE_HEIGHT - 120f);
        float baseline = ReportStyle.PAGE_HEIGHT - 150f;
        // The band has room for two lines of a large title or four of a smaller one; longer names are cut.
        float size = wrap(assessment.product(), fonts.bold, 26f, ReportStyle.TEXT_WIDTH).size() <= 2 ? 26f : 16f;
        List<String> title = wrap(assessment.product(), fonts.bold, size, ReportStyle.TEXT_WIDTH);
        int maxLines = size == 26f ? 2 : 4;
        for (int i = 0; i < Math.min(maxLines, title.size()); i++) {
            boolean cut = i == maxLines - 1 && title.size() > maxLines;
            String line = cut ? page.clip(title.get(i) + " " + title.get(i + 1), fonts.bold, size,
                ReportStyle.TEXT_WIDTH) : title.get(i);
            page.show(line, fonts.bold, size, ReportStyle.WHITE, x, baseline);
            baseline -= size * 1.25f;
        }
        page.show(page.clip("Vendor: " + assessment.vendor(), fonts.regular, 13f, ReportStyle.TEXT_WIDTH),
            fonts.regular, 13f, ReportStyle.WHITE, x, baseline - 4f);
        page.show(DAY.format(day), fonts.regular, 11f, ReportStyle.BRAND_LIGHT, x, bandBottom + 28f);

        page.reserveBottom(COVER_BOTTOM);
        page.moveDown(ReportStyle.TOP - bandBottom + 30f);
        outcomeBadge();
        page.moveDown(14f);
        coverFacts(signer);
    }

    private void outcomeBadge() throws IOException {
        String text = switch (document.summary().outcome()) {
            case ReportSummary.FINDINGS -> "Outcome: findings to address";
            case ReportSummary.INCOMPLETE -> "Outcome: no open findings, but some checks did not complete";
            default -> "Outcome: no findings";
        };
        float width = ReportFonts.width(fonts.bold, 11f, text) + 24f;
        page.fill(ReportStyle.MARGIN, page.y() - 24f, width, 24f, outcomeColour());
        page.show(text, fonts.bold, 11f, ReportStyle.WHITE, ReportStyle.MARGIN + 12f, page.y() - 16f);
        page.moveDown(24f);
    }

    private Color outcomeColour() {
        return switch (document.summary().outcome()) {
            case ReportSummary.FINDINGS -> ReportStyle.FAIL;
            case ReportSummary.INCOMPLETE -> ReportStyle.ERROR;
            default -> ReportStyle.PASS;
        };
    }

    private void coverFacts(Optional<SignerDescription> signer) throws IOException {
        var assessor = assessment.assessor();
        fact("Assessor", assessor.name() + (assessor.role().isEmpty() ? "" : ", " + assessor.role()));
        fact("Organisation", assessor.organisation());
        fact("Report date", TIME.format(document.generatedAt()));
        fact("Docker host", assessment.scope().dockerHost());
        fact("Profiles", String.join(", ", assessment.scope().profiles()));
        fact("Checks", String.join(", ", comparison.checkIds().stream()
            .map(id -> CheckCatalogue.describe(id).title()).toList()));
        fact("Signature", signer.map(s -> "PAdES signature by " + s.name() + " (see the last page)")
            .orElse("Unsigned draft"));
        fact("Assessment ID", assessment.id());
        page.moveDown(10f);
        subheading("Image versions in scope");
        float digestX = ReportStyle.MARGIN + 168f;
        List<ImageVersion> versions = comparison.versions();
        // The cover keeps clear of its confidentiality footer; long scopes end with a pointer instead.
        int room = (int) ((page.y() - COVER_BOTTOM) / 13f);
        int shown = versions.size() <= room ? versions.size() : Math.max(0, room - 1);
        for (ImageVersion version : versions.subList(0, shown)) {
            page.moveDown(13f);
            page.show(page.clip(version.id(), fonts.bold, 8.5f, 162f), fonts.bold, 8.5f, ReportStyle.INK,
                ReportStyle.MARGIN, page.y() + 3f);
            String digest = version.digest().isEmpty() ? "(digest not recorded)" : version.digest();
            page.show(page.clip(digest, fonts.mono, 7f, ReportStyle.PAGE_WIDTH - ReportStyle.MARGIN - digestX),
                fonts.mono, 7f, ReportStyle.MUTED, digestX, page.y() + 3f);
        }
        if (shown < versions.size()) {
            page.moveDown(13f);
            page.show("\u2026 and " + (versions.size() - shown) + " more; the matrix lists every version and the "
                + "evidence appendix gives each digest.", fonts.regular, 8.5f, ReportStyle.MUTED, ReportStyle.MARGIN,
                page.y() + 3f);
        }
    }

    // ---- executive summary and matrix -----------------------------------------------------------------------

    PageBox summaryAndMatrix() throws IOException {
        page.newPage();
        heading("Executive summary");
        paragraph(introduction());
        paragraph(outcomeSentence());
        statTiles();
        MatrixPicture matrix = new MatrixPicture(page, assessment, comparison, day);
        float whole = 90f + matrix.heightOfFirstRows(comparison.versions().size()) + 30f;
        boolean fitsHere = page.y() - whole >= ReportStyle.BOTTOM;
        if (!fitsHere) {
            // The picture needs a page of its own: let the findings fill this one rather than leave it blank.
            findingsLists();
            changesList();
        }
        page.ensure(whole <= ReportStyle.TOP - ReportStyle.BOTTOM ? whole : 90f + matrix.heightOfFirstRows(3));
        heading("Results by version");
        paragraph("Each row is one image version, oldest first; each column is one check. Colour shows the "
            + "verdict; a waived finding stays red and is marked as waived.");
        page.moveDown(4f);
        PageBox box = matrix.draw();
        if (fitsHere) {
            findingsLists();
            changesList();
        }
        return box;
    }

    private String introduction() {
        ReportSummary summary = document.summary();
        String who = assessment.assessor().organisation().isBlank() ? assessment.assessor().name()
            : assessment.assessor().organisation();
        List<String> goals = comparison.checkIds().stream().map(id -> info(id).plainGoal()).toList();
        String tested = goals.isEmpty() ? "" : " The checks test safeguards of the HIPAA Security Rule: "
            + joinInWords(goals) + ".";
        return who + " assessed " + plural(summary.versions(), "version") + " of " + assessment.product()
            + " from " + assessment.vendor() + " against " + plural(summary.checks(), "container security check")
            + "." + tested + " Each check was run against a real container started from the vendor's image.";
    }

    private static String joinInWords(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private String outcomeSentence() {
        ReportSummary s = document.summary();
        String counts = "Of " + plural(s.versions() * s.checks(), "result") + ", " + s.passed() + " passed, "
            + s.failed() + " found a problem" + (s.waived() > 0 ? " (" + s.waived() + " accepted by waiver)" : "")
            + ", " + s.errors() + " could not be completed, " + s.notApplicable() + " did not apply"
            + (s.notRun() > 0 ? " and " + s.notRun() + " were not run" : "") + ".";
        String verdict = switch (s.outcome()) {
            case ReportSummary.FINDINGS -> " The vendor should address the open findings below before these "
                + "versions handle protected health information.";
            case ReportSummary.INCOMPLETE -> " No open finding was made, but the checks that did not complete "
                + "must be repeated before the assessment can be relied on; a check that could not run is never "
                + "counted as passed.";
            default -> " No finding was made on the versions in scope.";
        };
        return counts + verdict;
    }

    private void statTiles() throws IOException {
        ReportSummary s = document.summary();
        Object[][] tiles = {
            {ReportStyle.PASS, s.passed(), "passed"},
            {ReportStyle.FAIL, s.openFindings(), "open findings"},
            {ReportStyle.FAIL, s.waived(), "waived findings"},
            {ReportStyle.ERROR, s.errors(), "could not run"},
            {ReportStyle.NOT_APPLICABLE, s.notApplicable(), "not applicable"},
        };
        float gap = 8f;
        float width = (ReportStyle.TEXT_WIDTH - gap * (tiles.length - 1)) / tiles.length;
        page.ensure(56f);
        float top = page.y() - 6f;
        float x = ReportStyle.MARGIN;
        for (Object[] tile : tiles) {
            // A zero is good news or nothing to say: it stays grey so the eye goes to what needs attention.
            Color colour = (Integer) tile[1] == 0 ? ReportStyle.RULE : (Color) tile[0];
            page.fill(x, top - 46f, width, 46f, ReportStyle.PANEL);
            page.fill(x, top - 46f, 3.5f, 46f, colour);
            page.show(String.valueOf(tile[1]), fonts.bold, 18f, (Integer) tile[1] == 0 ? ReportStyle.MUTED
                : colour, x + 11f, top - 24f);
            page.show((String) tile[2], fonts.regular, 8f, ReportStyle.MUTED, x + 11f, top - 38f);
            x += width + gap;
        }
        page.moveDown(60f);
    }

    private void findingsLists() throws IOException {
        List<ReportDocument.VersionResult> open = resultsWhere(r -> r.result().verdict() == Verdict.FAIL
            && !waivedNow(r));
        List<ReportDocument.VersionResult> waived = resultsWhere(r -> r.result().verdict() == Verdict.FAIL
            && waivedNow(r));
        List<ReportDocument.VersionResult> errors = resultsWhere(r -> r.result().verdict() == Verdict.ERROR);
        if (!open.isEmpty()) {
            subheading("Findings to address");
            for (List<ReportDocument.VersionResult> group : byCheck(open)) {
                CheckInfo info = info(group.get(0).result().checkId());
                bullet(ReportStyle.FAIL, info.title() + " in " + versions(group) + ". " + example(group)
                    + " (HIPAA " + info.hipaa() + ")");
            }
        }
        if (!waived.isEmpty()) {
            subheading("Findings accepted by waiver");
            for (ReportDocument.VersionResult r : waived) {
                bullet(ReportStyle.FAIL, r.version() + ": " + titleOf(r) + ". Waived by " + r.waiver().approver()
                    + " until " + r.waiver().expires() + ".");
            }
        }
        if (!errors.isEmpty()) {
            subheading("Checks that could not run");
            for (List<ReportDocument.VersionResult> group : byCheck(errors)) {
                bullet(ReportStyle.ERROR, info(group.get(0).result().checkId()).title() + " in " + versions(group)
                    + " (" + group.get(0).result().errorReason().description() + "). " + example(group));
            }
        }
    }

    /** Results grouped by check, in report order. */
    private static List<List<ReportDocument.VersionResult>> byCheck(List<ReportDocument.VersionResult> results) {
        Map<String, List<ReportDocument.VersionResult>> groups = new java.util.LinkedHashMap<>();
        results.forEach(r -> groups.computeIfAbsent(r.result().checkId(), id -> new java.util.ArrayList<>())
            .add(r));
        return List.copyOf(groups.values());
    }

    private static String versions(List<ReportDocument.VersionResult> group) {
        return String.join(", ", group.stream().map(ReportDocument.VersionResult::version).toList());
    }

    private static String example(List<ReportDocument.VersionResult> group) {
        return (group.size() > 1 ? "For example: " : "") + group.get(0).result().summary();
    }

    /** Per check and kind of change, the versions where it happened; each check's section has the detail. */
    private void changesList() throws IOException {
        if (comparison.changes().isEmpty()) {
            return;
        }
        subheading("What changed between versions");
        for (String checkId : comparison.checkIds()) {
            for (VersionComparison.Kind kind : VersionComparison.Kind.values()) {
                List<String> where = comparison.changesFor(checkId).stream().filter(c -> c.kind() == kind)
                    .map(VersionComparison.Change::toVersion).toList();
                if (where.isEmpty()) {
                    continue;
                }
                Color colour = switch (kind) {
                    case FIXED -> ReportStyle.PASS;
                    case REGRESSED -> ReportStyle.FAIL;
                    case CHANGED -> ReportStyle.NOT_APPLICABLE;
                };
                String what = switch (kind) {
                    case FIXED -> " fixed in ";
                    case REGRESSED -> " regressed in ";
                    case CHANGED -> " verdict changed (not a fix or regression) in ";
                };
                bullet(colour, info(checkId).title() + what + String.join(", ", where) + ".");
            }
        }
    }

    // ---- one section per check ----------------------------------------------------------------------------

    void checks() throws IOException {
        int number = 1;
        for (ReportDocument.CheckSection section : document.checks()) {
            page.newPage();
            heading(number + ". " + section.title());
            fact("What it proves", section.proves());
            fact("HIPAA Security Rule", "45 CFR " + section.hipaa());
            page.moveDown(8f);
            subheading("Verdicts");
            for (ReportDocument.VersionResult result : section.results()) {
                verdictBlock(result);
            }
            checkChanges(section.id());
            boolean failed = section.results().stream().anyMatch(r -> r.result().verdict() == Verdict.FAIL);
            subheading(failed ? "Remediation advice" : "If this check fails");
            paragraph(section.remediation());
            page.moveDown(2f);
            page.text("The full evidence of every verdict is in appendix A." + number + ".", fonts.regular, 8.5f,
                ReportStyle.MUTED, 0f);
            number++;
        }
    }

    private void verdictBlock(ReportDocument.VersionResult result) throws IOException {
        CheckResult r = result.result();
        String summary = r.summary() + (r.errorReason() == null ? ""
            : " Reason: " + r.errorReason().description() + ".");
        float indent = 62f;
        float needed = 16f + page.heightOf(summary, fonts.regular, 9.5f, ReportStyle.TEXT_WIDTH - indent);
        page.ensure(needed + 6f);
        float top = page.y();
        badge(r.verdict(), ReportStyle.MARGIN, top - 15f);
        page.show(page.clip(result.version(), fonts.bold, 10f, ReportStyle.TEXT_WIDTH - indent), fonts.bold, 10f,
            ReportStyle.INK, ReportStyle.MARGIN + indent, top - 11f);
        page.moveDown(14f);
        page.textIn(summary, fonts.regular, 9.5f, ReportStyle.INK, ReportStyle.MARGIN + indent,
            ReportStyle.TEXT_WIDTH - indent);
        if (result.waiver() != null) {
            waiverPanel(result.waiver(), indent);
        }
        for (Note note : notesFor(result.version(), r.checkId())) {
            page.textIn("Note (" + note.author() + "): " + note.text(), fonts.regular, 9f, ReportStyle.MUTED,
                ReportStyle.MARGIN + indent, ReportStyle.TEXT_WIDTH - indent);
        }
        page.moveDown(8f);
    }

    private void waiverPanel(Waiver waiver, float indent) throws IOException {
        String status = waiver.activeOn(day) ? "holds until " + waiver.expires() : "EXPIRED on " + waiver.expires();
        String text = "Waiver (" + status + "), approved by " + waiver.approver() + ": " + waiver.justification()
            + " The verdict above is unchanged by this waiver.";
        float width = ReportStyle.TEXT_WIDTH - indent - 12f;
        float height = page.heightOf(text, fonts.regular, 9f, width) + 8f;
        page.ensure(height + 4f);
        page.moveDown(3f);
        // A justification longer than a page gets its panel on the first page; the text flows on.
        float panel = Math.min(height, page.y() - page.bottom());
        page.fill(ReportStyle.MARGIN + indent, page.y() - panel, ReportStyle.TEXT_WIDTH - indent, panel,
            ReportStyle.WAIVER_PANEL);
        page.fill(ReportStyle.MARGIN + indent, page.y() - panel, 2.5f, panel, ReportStyle.ERROR);
        page.moveDown(3f);
        page.textIn(text, fonts.regular, 9f, ReportStyle.INK, ReportStyle.MARGIN + indent + 8f, width);
        page.moveDown(5f);
    }

    private void checkChanges(String checkId) throws IOException {
        List<VersionComparison.Change> changes = comparison.changesFor(checkId);
        if (changes.isEmpty()) {
            return;
        }
        subheading("Between versions");
        for (VersionComparison.Change change : changes) {
            bullet(change.kind() == VersionComparison.Kind.REGRESSED ? ReportStyle.FAIL
                : change.kind() == VersionComparison.Kind.FIXED ? ReportStyle.PASS : ReportStyle.NOT_APPLICABLE,
                change.fromVersion() + " \u2192 " + change.toVersion() + ": " + ReportStyle.label(change.before())
                    + " \u2192 " + ReportStyle.label(change.after()) + " ("
                    + change.kind().name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    // ---- notes, waivers, appendix, signature ---------------------------------------------------------------

    void notesAndWaivers() throws IOException {
        page.newPage();
        heading("Assessor's notes and waivers");
        if (assessment.notes().isEmpty()) {
            paragraph("The assessor recorded no notes.");
        }
        for (Note note : assessment.notes()) {
            String about = note.versionId().isEmpty() ? "Whole assessment" : note.versionId()
                + (note.checkId().isEmpty() ? "" : ", " + CheckCatalogue.describe(note.checkId()).title());
            subheading(about);
            page.text(note.author() + ", " + TIME.format(note.writtenAt()), fonts.regular, 8.5f,
                ReportStyle.MUTED, 0f);
            paragraph(note.text());
        }
        page.moveDown(6f);
        subheading("Waivers");
        if (assessment.waivers().isEmpty()) {
            paragraph("No finding was waived.");
        }
        for (Waiver waiver : assessment.waivers()) {
            Optional<CheckResult> result = assessment.result(waiver.versionId(), waiver.checkId());
            paragraph(waiver.versionId() + ", " + CheckCatalogue.describe(waiver.checkId()).title() + " (verdict "
                + result.map(r -> ReportStyle.label(r.verdict())).orElse("not run") + ")");
            waiverPanel(waiver, 0f);
            page.moveDown(4f);
        }
    }

    void evidenceAppendix() throws IOException {
        page.newPage();
        heading("Appendix A. Evidence");
        paragraph("What each check sent and received, as recorded when it ran. Memory a server leaks is never "
            + "stored: the evidence keeps its length and SHA-256 only.");
        int number = 1;
        for (ReportDocument.CheckSection section : document.checks()) {
            page.ensure(60f);
            page.moveDown(6f);
            page.text("A." + number + " " + section.title(), fonts.bold, 12f, ReportStyle.BRAND, 0f);
            page.moveDown(2f);
            for (ReportDocument.VersionResult result : section.results()) {
                evidenceOf(result);
            }
            number++;
        }
    }

    private void evidenceOf(ReportDocument.VersionResult result) throws IOException {
        CheckResult r = result.result();
        page.ensure(50f);
        page.moveDown(4f);
        float top = page.y();
        badge(r.verdict(), ReportStyle.MARGIN, top - 15f);
        page.show(page.clip(result.version(), fonts.bold, 10f, ReportStyle.TEXT_WIDTH - 62f), fonts.bold, 10f,
            ReportStyle.INK, ReportStyle.MARGIN + 62f, top - 11f);
        page.moveDown(20f);
        fact("Target", r.target(), 8.5f);
        fact("Image digest", result.digest().isEmpty() ? "(not recorded)" : result.digest(), 8.5f);
        fact("Started", TIME.format(r.startedAt()) + ", ran " + r.duration().toMillis() + " ms", 8.5f);
        for (Map.Entry<String, String> entry : r.evidence().facts().entrySet()) {
            boolean repeatsTarget = entry.getKey().equalsIgnoreCase("target") && entry.getValue().equals(r.target());
            if (!repeatsTarget) {
                fact(entry.getKey(), entry.getValue(), 8.5f);
            }
        }
        if (!r.evidence().transcript().isEmpty()) {
            page.moveDown(3f);
            page.text("Transcript", fonts.bold, 8.5f, ReportStyle.MUTED, 0f);
            for (String line : r.evidence().transcript()) {
                page.textHanging(line, fonts.mono, 7.5f, ReportStyle.INK, 8f, 14f);
            }
        }
        page.moveDown(4f);
        page.ensure(4f);
        page.line(ReportStyle.MARGIN, page.y(), ReportStyle.PAGE_WIDTH - ReportStyle.MARGIN, page.y(),
            ReportStyle.RULE, 0.5f);
    }

    void signaturePage(Optional<SignerDescription> signer, String jsonDigest) throws IOException {
        page.newPage();
        heading("Signature");
        if (signer.isEmpty()) {
            paragraph("This report is an unsigned draft. An unsigned report proves nothing about who wrote it or "
                + "whether it was changed; sign it with the assessor's certificate before sharing it.");
        } else {
            SignerDescription s = signer.get();
            paragraph("This PDF carries a digital signature (PAdES, ETSI.CAdES.detached) made by " + s.name()
                + " with the certificate below. The signature covers every byte of this file; any change made "
                + "after signing makes verification fail.");
            page.moveDown(4f);
            fact("Signer", s.subject());
            fact("Issuer", s.issuer() + (s.selfSigned() ? " (self-signed: compare the fingerprint with the one "
                + "the assessor gave you)" : ""));
            fact("Serial number", s.serial());
            fact("Signing time", TIME.format(document.generatedAt()) + " (claimed by the signer)");
            fact("Valid", TIME.format(s.notBefore()) + " to " + TIME.format(s.notAfter()));
            monoFact("Certificate SHA-256", s.sha256Fingerprint());
        }
        page.moveDown(8f);
        subheading("Machine-readable report");
        paragraph("The same assessment is attached to this PDF as " + PdfReportWriter.ATTACHMENT_NAME + " and is "
            + "also delivered beside it with its own detached CMS signature (report.json.p7s). Its SHA-256 is:");
        page.text(jsonDigest, fonts.mono, 9f, ReportStyle.INK, 0f);
        page.moveDown(8f);
        subheading("How to verify");
        paragraph("With Vetbench: vetbench verify report.pdf (and vetbench verify report.json). With common "
            + "tools: pdfsig report.pdf, and openssl cms -verify -binary -inform DER -content report.json -in "
            + "report.json.p7s -CAfile assessor.pem -purpose any.");
    }

    // ---- building blocks ----------------------------------------------------------------------------------

    private void heading(String text) throws IOException {
        page.ensure(60f);
        page.text(text, fonts.bold, 17f, ReportStyle.BRAND, 0f);
        page.moveDown(5f);
        page.line(ReportStyle.MARGIN, page.y(), ReportStyle.MARGIN + 48f, page.y(), ReportStyle.BRAND, 2f);
        page.moveDown(10f);
    }

    private void subheading(String text) throws IOException {
        page.ensure(40f);
        page.moveDown(6f);
        page.text(text, fonts.bold, 11f, ReportStyle.INK, 0f);
        page.moveDown(2f);
    }

    private void paragraph(String text) throws IOException {
        page.text(text, fonts.regular, BODY, ReportStyle.INK, 0f);
        page.moveDown(5f);
    }

    private void bullet(Color colour, String text) throws IOException {
        float height = page.heightOf(text, fonts.regular, 9.5f, ReportStyle.TEXT_WIDTH - 16f);
        page.ensure(Math.min(height, 40f));
        page.fill(ReportStyle.MARGIN + 2f, page.y() - 10f, 5f, 5f, colour);
        page.textIn(text, fonts.regular, 9.5f, ReportStyle.INK, ReportStyle.MARGIN + 16f,
            ReportStyle.TEXT_WIDTH - 16f);
        page.moveDown(3f);
    }

    private void fact(String label, String value) throws IOException {
        fact(label, value, 9.5f);
    }

    private void fact(String label, String value, float size) throws IOException {
        factIn(label, value.isEmpty() ? "\u2014" : value, fonts.regular, size);
    }

    private void monoFact(String label, String value) throws IOException {
        factIn(label, value, fonts.mono, 8.5f, 9f);
    }

    private void factIn(String label, String value, PDFont font, float size) throws IOException {
        factIn(label, value, font, size, size - 0.5f);
    }

    private void factIn(String label, String value, PDFont font, float size, float labelSize) throws IOException {
        float valueWidth = ReportStyle.TEXT_WIDTH - LABEL_WIDTH;
        float height = page.heightOf(value, font, size, valueWidth);
        page.ensure(Math.min(height, 60f));
        float top = page.y();
        int pageIndex = page.pageIndex();
        page.textIn(label, fonts.bold, labelSize, ReportStyle.MUTED, ReportStyle.MARGIN, LABEL_WIDTH - 8f);
        float labelBottom = page.y();
        page.moveTo(top);
        page.textIn(value, font, size, ReportStyle.INK, ReportStyle.MARGIN + LABEL_WIDTH, valueWidth);
        // When the value continued on a new page, the label's bottom belongs to the page before.
        float bottom = page.pageIndex() == pageIndex ? Math.min(labelBottom, page.y()) : page.y();
        page.moveTo(bottom - 2f);
    }

    private void badge(Verdict verdict, float x, float bottom) throws IOException {
        page.fill(x, bottom, 52f, 16f, ReportStyle.colour(verdict));
        page.showCentred(ReportStyle.label(verdict), fonts.bold, 8.5f, ReportStyle.WHITE, x + 26f, bottom + 4.8f);
    }

    private List<String> wrap(String text, PDFont font, float size, float width) {
        return TextLayout.wrap(fonts.printable(font, text), font, size, width);
    }

    private List<ReportDocument.VersionResult> resultsWhere(
            java.util.function.Predicate<ReportDocument.VersionResult> filter) {
        return document.checks().stream().flatMap(section -> section.results().stream()).filter(filter).toList();
    }

    private boolean waivedNow(ReportDocument.VersionResult result) {
        return result.waiver() != null && result.waiver().activeOn(day);
    }

    private static String titleOf(ReportDocument.VersionResult result) {
        return CheckCatalogue.describe(result.result().checkId()).title();
    }

    private List<Note> notesFor(String versionId, String checkId) {
        return assessment.notes().stream()
            .filter(note -> note.versionId().equals(versionId) && note.checkId().equals(checkId)).toList();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static CheckInfo info(String checkId) {
        return CheckCatalogue.describe(checkId);
    }
}

using System.Globalization;
using Gateway.Contracts.V1;
using Gateway.Host.Captures;
using Gateway.Pages;
using Gateway.Pages.Mapping;

namespace Gateway.Host.Verification;

/// <summary>
/// Turns any document capture with page images — a full-page reader's, a scanner's, a hot folder's — into an analysed
/// one: fills <c>DocumentCapture.page</c> (class, position, MRZ by OCR, barcodes, printed portrait) and, when the device
/// read no MRZ itself, <c>mrz_lines</c> from the page, so the MRZ verifier that runs next checks them. Adds
/// <c>page.mrz</c>, <c>page.mrz_matches_device</c> (when the device read one too), <c>page.document_class</c>,
/// <c>page.portrait</c> and the hints <c>page.hint.*</c>, each said to be a hint. The page's barcodes are checked by the
/// barcode verifier (<c>page.barcode.N.*</c>). Runs before the MRZ verifier.
/// </summary>
internal sealed class PageVerifier(PageAnalyzer analyzer, PageTexts texts) : ICaptureVerifier
{
    public void Verify(Capture capture)
    {
        if (capture.PayloadCase != Capture.PayloadOneofCase.Document || capture.Document.Pages.Count == 0)
        {
            return;
        }

        var document = capture.Document;
        var analysis = analyzer.Analyze([.. document.Pages.Select(p => new PageImage(p.Data.Memory, (PageLight)p.Light, (int)p.Ppi))]);
        var page = analysis.ToContract();
        document.Page = page;
        if (analysis.ErrorCode is not null)
        {
            capture.Checks.Add(Check("page.images", CheckOutcome.Failed, texts.Format("ImagesUnreadable", analysis.Error)));
            return;
        }

        var ocr = analysis.Mrz;
        var read = ocr is { Found: true, Mrz.Valid: true } ? ocr.Mrz : null;
        var light = texts.Format(analysis.MrzLight == PageLight.Infrared ? "Light_Infrared" : "Light_Visible");
        if (document.MrzLines.Count > 0)
        {
            page.DeviceMrzLines.AddRange(document.MrzLines);
            capture.Checks.Add(read is null
                ? Check("page.mrz", CheckOutcome.NotApplicable, texts.Format("MrzDeviceUsed"))
                : Check("page.mrz", CheckOutcome.Passed, texts.Format("MrzRead", light)));
            if (read is not null)
            {
                capture.Checks.Add(Compare(read.CorrectedLines, document.MrzLines));
            }
        }
        else
        {
            if (ocr is { Found: true, Mrz: { } found })
            {
                // Invalid readings go on too: the MRZ verifier then shows which check digits fail.
                document.MrzLines.AddRange(found.CorrectedLines);
            }

            capture.Checks.Add(read is null
                ? Check("page.mrz", CheckOutcome.Failed, texts.Format("MrzNotRead", ocr?.Error ?? ocr?.ErrorCode ?? "-"))
                : Check("page.mrz", CheckOutcome.Passed, texts.Format("MrzRead", light)));
        }

        var (width, height) = (Math.Round(analysis.WidthMm), Math.Round(analysis.HeightMm));
        capture.Checks.Add(analysis.DocumentClass == Pages.DocumentClass.Unknown
            ? Check("page.document_class", CheckOutcome.Failed, texts.Format("DocumentClassUnknown", width, height))
            : Check("page.document_class", CheckOutcome.Passed, texts.Format("DocumentClass", ClassName(analysis.DocumentClass), width, height)));
        capture.Checks.Add(analysis.Portrait is { } portrait
            ? Check("page.portrait", CheckOutcome.Passed, texts.Format("PortraitFound", portrait.Width, portrait.Height))
            : Check("page.portrait", CheckOutcome.Failed, texts.Format("PortraitNotFound")));
        page.Hints.Clear();
        foreach (var hint in analysis.Hints.Select(Hint))
        {
            page.Hints.Add(hint);
            capture.Checks.Add(hint.Clone());
        }
    }

    private VerificationCheck Hint(PageHint hint)
    {
        var key = hint.Name.Replace('.', '_');
        var why = hint.Measure is { } measure
            ? texts.Format("HintMeasure_" + key, measure, hint.Minimum)
            : texts.Format("HintReason_" + (hint.Reason ?? "no_mrz"));
        return hint.Outcome switch
        {
            PageHintOutcome.Passed => Check(hint.Name, CheckOutcome.Passed, texts.Format("Hint_" + key, why)),
            PageHintOutcome.Failed => Check(hint.Name, CheckOutcome.Failed, texts.Format("HintFailed_" + key, why)),
            _ => Check(hint.Name, CheckOutcome.NotApplicable, texts.Format("HintNotApplicable", why)),
        };
    }

    private VerificationCheck Compare(IReadOnlyList<string> page, IReadOnlyList<string> device)
    {
        var lines = Math.Max(page.Count, device.Count);
        for (var l = 0; l < lines; l++)
        {
            var a = l < page.Count ? page[l] : string.Empty;
            var b = l < device.Count ? device[l].Trim().ToUpperInvariant() : string.Empty;
            var length = Math.Max(a.Length, b.Length);
            for (var c = 0; c < length; c++)
            {
                if (c >= a.Length || c >= b.Length || a[c] != b[c])
                {
                    return Check("page.mrz_matches_device", CheckOutcome.Failed, texts.Format("MrzDiffersFromDevice", l + 1, c + 1));
                }
            }
        }

        return Check("page.mrz_matches_device", CheckOutcome.Passed, texts.Format("MrzMatchesDevice"));
    }

    private static string ClassName(Pages.DocumentClass value) => value switch
    {
        Pages.DocumentClass.VisaA => "MRV-A",
        Pages.DocumentClass.VisaB => "MRV-B",
        _ => value.ToString().ToUpper(CultureInfo.InvariantCulture),
    };

    private static VerificationCheck Check(string name, CheckOutcome outcome, string detail) => new() { Name = name, Outcome = outcome, Detail = detail };
}

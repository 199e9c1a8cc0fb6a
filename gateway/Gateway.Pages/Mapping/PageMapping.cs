using Gateway.Contracts.Mapping;
using Google.Protobuf;
using V1 = Gateway.Contracts.V1;

namespace Gateway.Pages.Mapping;

/// <summary>
/// Maps a page analysis to <c>gateway.v1.PageAnalysis</c>, for the gateway's document captures and <c>gatewayctl page
/// analyse</c>. Barcodes come out decoded, not parsed: the caller parses and checks their payloads (trust store and all).
/// The hints carry their English detail; the gateway replaces it with its own text in the configured language.
/// </summary>
public static class PageMapping
{
    /// <summary>The message of <paramref name="analysis"/>.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="source">Names the page set in the MRZ result (a file name); empty for a capture.</param>
    public static V1.PageAnalysis ToContract(this PageAnalysis analysis, string source = "")
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var message = new V1.PageAnalysis
        {
            DocumentClass = (V1.DocumentClass)analysis.DocumentClass,
            RotationDegrees = analysis.RotationDegrees,
            WidthMm = (float)analysis.WidthMm,
            HeightMm = (float)analysis.HeightMm,
            MrzLight = (V1.LightSource)analysis.MrzLight,
            ElapsedMs = analysis.Elapsed.TotalMilliseconds,
            ErrorCode = analysis.ErrorCode ?? string.Empty,
            Error = analysis.Error ?? string.Empty,
        };
        message.DocumentQuad.AddRange(analysis.DocumentQuad.Select(p => new V1.ImagePoint { X = p.X, Y = p.Y }));
        if (analysis.Mrz is { } mrz)
        {
            message.MrzOcr = ToContract(mrz, source);
        }

        message.Barcodes.AddRange(analysis.Barcodes.Select(b =>
        {
            var barcode = new V1.BarcodeCapture { Symbology = b.Symbology, AimIdentifier = b.AimIdentifier, Raw = ByteString.CopyFrom(b.Raw.Span), Text = b.Text };
            barcode.Corners.AddRange(b.Corners.Select(p => new V1.ImagePoint { X = p.X, Y = p.Y }));
            return barcode;
        }));
        if (analysis.Portrait is { } portrait)
        {
            message.Portrait = new V1.Image
            {
                Data = ByteString.CopyFrom(portrait.EncodePng()),
                Format = V1.ImageFormat.Png,
                Width = (uint)portrait.Width,
                Height = (uint)portrait.Height,
                Light = V1.LightSource.Visible,
            };
        }

        message.PortraitQuad.AddRange(analysis.PortraitQuad.Select(p => new V1.ImagePoint { X = p.X, Y = p.Y }));
        message.Hints.AddRange(analysis.Hints.Select(h => new V1.VerificationCheck
        {
            Name = h.Name,
            Outcome = h.Outcome switch
            {
                PageHintOutcome.Passed => V1.CheckOutcome.Passed,
                PageHintOutcome.Failed => V1.CheckOutcome.Failed,
                _ => V1.CheckOutcome.NotApplicable,
            },
            Detail = h.Detail,
        }));
        return message;
    }

    /// <summary>The message of an MRZ OCR result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="source">Where the image came from.</param>
    public static V1.MrzOcrResult ToContract(this MrzOcr.MrzOcrResult result, string source)
    {
        ArgumentNullException.ThrowIfNull(result);
        var message = new V1.MrzOcrResult
        {
            Source = source,
            Found = result.Found,
            Confidence = result.Confidence,
            ElapsedMs = result.Elapsed.TotalMilliseconds,
            ErrorCode = result.ErrorCode ?? string.Empty,
            Error = result.Error ?? string.Empty,
        };
        if (result.Mrz is { } mrz)
        {
            message.Mrz = mrz.ToContract();
        }

        message.Quad.AddRange(result.Quad.Select(p => new V1.ImagePoint { X = p.X, Y = p.Y }));
        message.Lines.AddRange(result.Lines.Select(l =>
        {
            var line = new V1.MrzOcrLine { Text = l.Text };
            line.Characters.AddRange(l.Characters.Select(c =>
            {
                var character = new V1.MrzOcrCharacter { Character = c.Character.ToString(), Confidence = c.Confidence };
                character.Alternatives.AddRange(c.Alternatives.Select(a => new V1.MrzOcrAlternative { Character = a.Character.ToString(), Confidence = a.Confidence }));
                return character;
            }));
            return line;
        }));
        return message;
    }
}

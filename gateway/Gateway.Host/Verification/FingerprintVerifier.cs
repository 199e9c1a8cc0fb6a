using System.Globalization;
using Gateway.Contracts.V1;
using Gateway.Host.Captures;
using Gateway.Host.Configuration;
using Gateway.Imaging;
using Gateway.Imaging.Fingerprints;
using Gateway.Imaging.Fingerprints.Iso19794;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Verification;

/// <summary>
/// Checks a fingerprint capture the same way whatever the scanner: separates slaps into fingers, measures each finger's
/// quality, cuts it out as PNG and as an ISO/IEC 19794-4:2005 record (<c>FingerprintCapture.segments</c>), and adds per
/// requested finger a <c>fingerprint.{finger}.present</c> and a <c>fingerprint.{finger}.quality</c> check, so the capture
/// is verified only when every requested finger is there and scores at least <c>Gateway:Fingerprints:MinimumQuality</c>.
/// Details carry measures and scores only, never image data.
/// </summary>
internal sealed class FingerprintVerifier(IOptions<GatewayOptions> options, FingerprintTexts texts) : ICaptureVerifier
{
    private readonly FingerprintAnalyzer _analyzer = new(new FingerprintQualityOptions { MinimumQuality = options.Value.Fingerprints.MinimumQuality });

    public void Verify(Capture capture)
    {
        if (capture.PayloadCase != Capture.PayloadOneofCase.Fingerprints)
        {
            return;
        }

        var fingerprints = capture.Fingerprints;
        if (fingerprints.RequestedPositions.Count == 0)
        {
            fingerprints.RequestedPositions.AddRange(fingerprints.Fingers.Select(f => f.Position));
        }

        var feedback = new List<string>();
        for (var i = 0; i < fingerprints.Fingers.Count; i++)
        {
            var source = fingerprints.Fingers[i];
            var analysis = Analyze(source, out var error);
            if (analysis is null || analysis.ErrorCode is not null)
            {
                capture.Checks.Add(Check($"fingerprint.image.{i}", false, error ?? $"{analysis!.ErrorCode}: {analysis.Error}"));
                continue;
            }

            feedback.Add(analysis.Feedback);
            var ppi = source.Image.Ppi > 0 ? (int)source.Image.Ppi : 500;
            foreach (var finger in analysis.Fingers)
            {
                fingerprints.Segments.Add(Segment(finger, i, ppi, (byte)fingerprints.Impression));
            }
        }

        var minimum = _analyzer.Options.MinimumQuality;
        foreach (var wanted in fingerprints.RequestedPositions.SelectMany(p => FingerLayouts.FingersOf((IsoFingerPosition)p)).Distinct())
        {
            var name = Name(wanted);
            var segment = fingerprints.Segments.FirstOrDefault(s => (IsoFingerPosition)s.Position == wanted);
            capture.Checks.Add(Check($"fingerprint.{name}.present", segment is not null, segment is null ? "not found in the images" : string.Empty));
            if (segment is not null)
            {
                var quality = segment.Quality;
                capture.Checks.Add(Check(
                    $"fingerprint.{name}.quality",
                    quality.Score >= minimum,
                    string.Create(CultureInfo.InvariantCulture, $"score {quality.Score} (≥ {minimum}); {quality.FeedbackCode}; ")
                    + string.Join(", ", quality.Measures.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Name} {m.Value:0.###}")))));
            }
        }

        fingerprints.FeedbackCode = feedback.Count == 0 ? FingerprintFeedback.NoFinger
            : feedback.FirstOrDefault(f => f != FingerprintFeedback.Good) ?? FingerprintFeedback.Good;
        fingerprints.Feedback = texts.Instruction(fingerprints.FeedbackCode);
    }

    private FingerprintAnalysis? Analyze(Contracts.V1.FingerImage source, out string? error)
    {
        error = null;
        var image = source.Image;
        try
        {
            Frame frame;
            if (image.Format == Contracts.V1.ImageFormat.Gray8)
            {
                if (image.Width == 0 || image.Height == 0 || (long)image.Width * image.Height != image.Data.Length)
                {
                    error = $"image.size_mismatch: {image.Data.Length} bytes of grey pixels for {image.Width}×{image.Height}";
                    return null;
                }

                frame = Frame.FromPixels((int)image.Width, (int)image.Height, PixelFormat.Gray8, image.Data.Memory);
            }
            else
            {
                frame = Frame.Decode(image.Data.Span, PixelFormat.Gray8, _analyzer.Options.MaxPixels);
            }

            return _analyzer.Analyze(frame, (IsoFingerPosition)source.Position, (int)image.Ppi);
        }
        catch (FrameDecodeException ex)
        {
            error = $"{ex.Code}: {ex.Message}";
            return null;
        }
    }

    private Contracts.V1.FingerImage Segment(AnalyzedFinger finger, int sourceIndex, int ppi, byte impression)
    {
        var png = finger.Image.EncodePng();
        var record = FingerImageRecordWriter.Write(new FingerImageRecord(
            [new FingerImageView(finger.Position, finger.Image.Width, finger.Image.Height, png) { Quality = (byte)finger.Quality.Score, ImpressionType = impression }])
        {
            Ppi = (ushort)ppi,
            ImageAcquisitionLevel = (ushort)(ppi >= 1000 ? 41 : ppi >= 500 ? 31 : 20),
        });
        var quality = new Contracts.V1.FingerQuality
        {
            Score = (uint)finger.Quality.Score,
            FeedbackCode = finger.Quality.Feedback,
            Feedback = texts.Instruction(finger.Quality.Feedback),
        };
        quality.Measures.AddRange(finger.Quality.Measures.Select(m => new Contracts.V1.FingerQualityMeasure { Name = m.Name, Value = m.Value, Normalized = m.Normalized }));
        return new Contracts.V1.FingerImage
        {
            Position = (FingerPosition)finger.Position,
            Image = new Image { Data = ByteString.CopyFrom(png), Format = Contracts.V1.ImageFormat.Png, Width = (uint)finger.Image.Width, Height = (uint)finger.Image.Height, Ppi = (uint)ppi },
            Quality = quality,
            Bounds = new Contracts.V1.FingerBounds { X = (uint)finger.Bounds.X, Y = (uint)finger.Bounds.Y, Width = (uint)finger.Bounds.Width, Height = (uint)finger.Bounds.Height },
            SourceIndex = (uint)sourceIndex,
            Iso197944Record = ByteString.CopyFrom(record),
        };
    }

    private static VerificationCheck Check(string name, bool passed, string detail) =>
        new() { Name = name, Outcome = passed ? CheckOutcome.Passed : CheckOutcome.Failed, Detail = detail };

    /// <summary><c>RightIndex</c> → <c>right_index</c>.</summary>
    private static string Name(IsoFingerPosition position) =>
        string.Concat(position.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

using Gateway.Imaging;
using Gateway.Imaging.Barcodes;
using Gateway.Imaging.Internal;
using Gateway.MrzOcr.Internal;
using OpenCvSharp;

namespace Gateway.MrzOcr;

/// <summary>
/// Finds and reads the MRZ in a page scan or a camera frame, at any rotation in the image plane and under moderate
/// perspective, and lets the MRZ engine's check digits choose among the recogniser's alternatives. Thread-safe; one
/// instance can serve every device. Runs on the CPU in process; the recogniser's model is built in.
/// </summary>
/// <remarks>
/// Candidate regions (dense blocks of long text lines) are located on a reduced copy; each is cut out upright from the
/// full-resolution image both ways up (as found, then widened to its whole text block), split into lines and
/// fixed-pitch cells, and every cell is recognised. The first reading that the check digits validate ends the search
/// (of a candidate as found, only a sure one); otherwise the best reading is returned as read (invalid),
/// or "no MRZ found" when nothing looked like one. Every step checks the time budget.
/// </remarks>
public sealed class MrzReader
{
    /// <summary>Below this mean first-choice confidence a reading is not taken for an MRZ.</summary>
    private const float MinConfidence = 0.55f;

    /// <summary>The width-to-height ratios of an image that may be an MRZ strip alone: a TD1's three lines with margins to a TD3's two.</summary>
    private const float MinStripAspect = 2.5f, MaxStripAspect = 16f;

    /// <summary>The mean confidence from which a valid reading of a candidate as found is taken without widening it to its block.</summary>
    private const float SureAsFound = 0.95f;

    /// <summary>The shortest longer side a file is reduced to when decoded (see <see cref="Reduction"/>).</summary>
    private const int ReducedSide = 1800;

    private readonly MrzReaderOptions _options;
    private readonly CharClassifier _classifier;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">Settings; the defaults when null.</param>
    public MrzReader(MrzReaderOptions? options = null)
    {
        _options = options ?? new MrzReaderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxCandidates, 1);
        _classifier = CharClassifier.Default;
    }

    /// <summary>Reads an encoded image file (PNG, JPEG, BMP, TIFF, WebP…). A corrupt or oversized file is a result with an error code, not an exception.</summary>
    /// <param name="encodedImage">The file's bytes.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    public MrzOcrResult Read(ReadOnlySpan<byte> encodedImage, CancellationToken cancellationToken = default)
    {
        var started = _options.TimeProvider.GetTimestamp();
        var reduction = ImageHeader.TryReadSize(encodedImage, out var width, out var height) ? Reduction(Math.Max(width, height)) : 1;
        Mat gray;
        try
        {
            gray = OpenCvFrames.DecodeMat(encodedImage, PixelFormat.Gray8, _options.MaxPixels, reduction);
        }
        catch (FrameDecodeException ex)
        {
            return new MrzOcrResult { ErrorCode = ex.Code, Error = ex.Message, Elapsed = _options.TimeProvider.GetElapsedTime(started) };
        }

        using (gray)
        {
            return Read(gray, started, cancellationToken, reduction);
        }
    }

    /// <summary>Reads a frame.</summary>
    /// <param name="frame">A grey or colour frame.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    public MrzOcrResult Read(Frame frame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var started = _options.TimeProvider.GetTimestamp();
        using var gray = OpenCvFrames.ToGrayMat(frame);
        return Read(gray, started, cancellationToken);
    }

    /// <summary>
    /// A file is decoded at a half, a quarter or an eighth of its size while its longer side stays at least
    /// <see cref="ReducedSide"/> pixels long: a 600 dpi scan read at 300 dpi loses nothing (the reader cuts an MRZ to about
    /// 23 pixels a character), and the decoder and every later step do a fraction of the work.
    /// </summary>
    private static int Reduction(long side)
    {
        var reduction = 1;
        while (reduction < 8 && side / (reduction * 2) >= ReducedSide)
        {
            reduction *= 2;
        }

        return reduction;
    }

    private MrzOcrResult Read(Mat gray, long started, CancellationToken cancellationToken, int reduction = 1)
    {
        var exhausted = false;
        bool OutOfTime()
        {
            cancellationToken.ThrowIfCancellationRequested();
            exhausted |= _options.TimeProvider.GetElapsedTime(started) >= _options.Budget;
            return exhausted;
        }

        (Reading Reading, CutCrop Cut)? best = null;
        var tried = new List<RotatedRect>();
        foreach (var (box, asFound) in Candidates(gray))
        {
            if (OutOfTime())
            {
                break;
            }

            // Several partial candidates often lead to one block: it is read once. A candidate as found does not count:
            // its block, widened, may be about the same box yet lie straighter on the text.
            if (tried.Exists(t => MrzLocator.Same(t, box)))
            {
                continue;
            }

            if (!asFound)
            {
                tried.Add(box);
            }

            var upright = CandidateReader.Cut(gray, box, flipped: false);
            var ways = new List<CutCrop> { upright };
            foreach (var way in CandidateReader.WaysUp(ways, _classifier))
            {
                if (OutOfTime())
                {
                    break;
                }

                foreach (var hypothesis in way.Hypotheses())
                {
                    var reading = CandidateReader.Read(way.Crop, hypothesis, _classifier, _options.ParseOptions);
                    if (best is null || reading.Score > best.Value.Reading.Score)
                    {
                        if (best is { } previous && !ways.Contains(previous.Cut))
                        {
                            previous.Cut.Dispose();
                        }

                        best = (reading, way);
                    }

                    if (reading.Mrz.Valid)
                    {
                        break; // the likeliest hypotheses come first: the first the check digits validate is taken
                    }
                }

                if (best?.Reading.Mrz.Valid == true)
                {
                    break;
                }
            }

            // The cuts not kept for the best reading are done with.
            foreach (var way in ways.Where(w => w != best?.Cut))
            {
                way.Dispose();
            }

            // A candidate as found is cut from the locator's coarse box: its valid reading is taken only when sure (a TD1's
            // third line, which no check digit covers, was read one cell off at a mean confidence of 0.90); otherwise its
            // block is read too and the better reading kept.
            if (best?.Reading.Mrz.Valid == true && (!asFound || best.Value.Reading.MeanConfidence >= SureAsFound))
            {
                return Found(best.Value, started, exhausted, reduction);
            }

            if (exhausted)
            {
                break;
            }
        }

        if (best?.Reading.Mrz.Valid == true)
        {
            return Found(best.Value, started, exhausted, reduction);
        }

        if (best is { } last)
        {
            // Whether an unvalidated reading is an MRZ at all is judged on every cell read at all five views: a sure
            // centred view of some other text would otherwise pass for one.
            var thorough = CandidateReader.Read(last.Cut.Crop, last.Reading.Hypothesis, _classifier, _options.ParseOptions, thorough: true);
            if (thorough.MeanConfidence >= MinConfidence && thorough.Mrz.IsStructurallySound)
            {
                return Found((thorough.Score >= last.Reading.Score ? thorough : last.Reading, last.Cut), started, exhausted, reduction);
            }
        }

        best?.Cut.Dispose();
        return new MrzOcrResult
        {
            ErrorCode = "mrz.not_found",
            Error = exhausted ? "No MRZ was found within the time budget." : "No MRZ was found in the image.",
            Elapsed = _options.TimeProvider.GetElapsedTime(started),
            BudgetExhausted = exhausted,
        };
    }

    /// <summary>
    /// The blocks to read, likeliest first. An image shaped like an MRZ strip (what a reader's MRZ camera or a technician's
    /// crop delivers) is first read whole; then each located candidate, first as found (most often the whole MRZ block
    /// already, so the block view's time is saved) and then widened to its whole text block.
    /// </summary>
    private IEnumerable<(RotatedRect Box, bool AsFound)> Candidates(Mat gray)
    {
        var aspect = gray.Width / (float)gray.Height;
        if (aspect is >= MinStripAspect and <= MaxStripAspect)
        {
            yield return (new RotatedRect(new Point2f(gray.Width / 2f, gray.Height / 2f), new Size2f(gray.Width, gray.Height), 0), false);
        }

        foreach (var located in MrzLocator.Locate(gray, _options.MaxCandidates))
        {
            yield return (located, true);
            yield return (BlockRefiner.Refine(gray, located), false);
        }
    }

    private MrzOcrResult Found((Reading Reading, CutCrop Cut) best, long started, bool exhausted, int reduction)
    {
        var (reading, cut) = best;
        var crop = cut.Crop;
        using (cut)
        {
            var lines = reading.Hypothesis.Lines;
            var (first, last) = (lines[0], lines[^1]);
            var left = Math.Min(first.Left, last.Left);
            var right = Math.Max(first.Right, last.Right);
            var top = (float x) => first.CenterY(x) - (first.Height * 0.6f);
            var bottom = (float x) => last.CenterY(x) + (last.Height * 0.6f);
            var quad = new[] { crop.ToSource(left, top(left)), crop.ToSource(right, top(right)), crop.ToSource(right, bottom(right)), crop.ToSource(left, bottom(left)) };
            return new MrzOcrResult
            {
                Found = true,
                Mrz = reading.Mrz,
                Quad = [.. quad.Select(p => new ImagePoint(p.X * reduction, p.Y * reduction))],
                Lines = reading.Lines,
                Confidence = reading.MeanConfidence,
                Elapsed = _options.TimeProvider.GetElapsedTime(started),
                BudgetExhausted = exhausted,
                Crop = _options.IncludeDebugImages ? OpenCvFrames.ToFrame(crop.Image) : null,
                Segmentation = _options.IncludeDebugImages ? Segmentation(crop, reading.Hypothesis) : null,
            };
        }
    }

    private static Frame Segmentation(MrzCrop crop, Hypothesis hypothesis)
    {
        using var picture = new Mat();
        Cv2.CvtColor(crop.Image, picture, ColorConversionCodes.GRAY2BGR);
        foreach (var (line, centers) in hypothesis.Lines.Zip(hypothesis.Centers))
        {
            var pitch = centers.Length > 1 ? (centers[^1] - centers[0]) / (centers.Length - 1) : line.Height;
            foreach (var x in centers)
            {
                var y = line.CenterY(x);
                Cv2.Rectangle(picture, new Rect((int)(x - (pitch / 2)), (int)(y - (line.Height * 0.75f)), (int)pitch, (int)(line.Height * 1.5f)), new Scalar(0, 160, 255), 1);
            }

            Cv2.Line(picture, new Point((int)line.Left, (int)line.CenterY(line.Left)), new Point((int)line.Right, (int)line.CenterY(line.Right)), new Scalar(0, 200, 0), 1);
        }

        var (width, height) = (picture.Width, picture.Height);
        var bytes = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            System.Runtime.InteropServices.Marshal.Copy(picture.Ptr(y), bytes, y * width * 3, width * 3);
        }

        return Frame.FromPixels(width, height, PixelFormat.Bgr24, bytes);
    }
}

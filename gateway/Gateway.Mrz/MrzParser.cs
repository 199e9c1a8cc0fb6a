using Gateway.Mrz.Internal;

namespace Gateway.Mrz;

/// <summary>
/// Reads machine readable zones: TD1, TD2, TD3, MRV-A, MRV-B and the French pre-2021 identity card. Thread-safe and
/// allocation-lean: the working copy lives on the stack; the result, its text and its checks are the only allocations for
/// a clean MRZ.
/// </summary>
public static class MrzParser
{
    /// <summary>Most corrections one parse can report: OCR candidates plus two country codes.</summary>
    private const int MaxCorrections = 16;

    /// <summary>
    /// Parses MRZ text: lines separated by CR, LF or CRLF; surrounding whitespace, blank lines and lowercase are tolerated
    /// and reported. Never throws on bad input; returns a result with positioned errors instead.
    /// </summary>
    /// <param name="text">The MRZ text.</param>
    /// <param name="options">Settings; <see cref="MrzParseOptions.Default"/> when null.</param>
    /// <returns>The parse result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static MrzResult Parse(string text, MrzParseOptions? options = null) => Parse(text, null, options);

    /// <summary>
    /// Parses what an OCR read, position by position with its alternatives: the first choices are the text read; when its
    /// check digits fail, the most likely combination of alternatives under which every check digit passes is taken
    /// instead (a bounded best-first search), and each changed position is reported as a correction. When no combination
    /// passes, each check's own most likely fix is kept and the result stays invalid: a valid MRZ is never made up.
    /// Positions no check digit covers keep the first choice. With <see cref="MrzParseOptions.EnableCorrection"/> off,
    /// the first choices are parsed as text.
    /// </summary>
    /// <param name="lines">Per line, per position, the readings most likely first (at least one each).</param>
    /// <param name="options">Settings; <see cref="MrzParseOptions.Default"/> when null.</param>
    /// <returns>The parse result; <see cref="MrzResult.Lines"/> holds the first choices.</returns>
    /// <exception cref="ArgumentException">A position has no reading.</exception>
    public static MrzResult ParseAlternatives(IReadOnlyList<IReadOnlyList<MrzAlternative[]>> lines, MrzParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new System.Text.StringBuilder();
        var flat = new List<MrzAlternative[]?>();
        foreach (var line in lines)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
                flat.Add(null);
            }

            foreach (var position in line)
            {
                if (position is not { Length: > 0 })
                {
                    throw new ArgumentException("Every position needs at least one reading.", nameof(lines));
                }

                text.Append(position[0].Character);
                flat.Add(position);
            }
        }

        return Parse(text.ToString(), flat, options);
    }

    private static MrzResult Parse(string text, IReadOnlyList<MrzAlternative[]?>? alternatives, MrzParseOptions? options)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= MrzParseOptions.Default;
        options.Validate();
        var reference = options.ResolveReferenceDate();
        var issues = default(IssueBag);
        var tolerances = MrzTolerances.None;

        Span<char> buffer = stackalloc char[InputReader.MaxBuffer];
        if (!InputReader.TryRead(text, buffer, out var lineCount, out var lineLength, ref issues, ref tolerances))
        {
            return new MrzResult(text, null, string.Empty, string.Empty, [], issues.ToList(), [], tolerances, default, 0, reference, options);
        }

        var format = FormatDetector.Detect(buffer, lineCount, lineLength, ref issues);
        var layout = MrzLayouts.For(format);
        var read = buffer[..layout.Length];
        var checks = new MrzCheck[layout.Checks.Length];
        var outcome = CheckEvaluator.Evaluate(layout, read, checks);
        if (outcome.FailedMask != 0 && format == MrzFormat.FrenchIdentityCard && IsCleanTd2(read))
        {
            // "IDFRA" in 2×36 is also a valid start of an ICAO TD2 issued by France: the check digits decide.
            layout = MrzLayouts.Td2;
            checks = new MrzCheck[layout.Checks.Length];
            outcome = CheckEvaluator.Evaluate(layout, read, checks);
        }

        Span<char> corrected = stackalloc char[InputReader.MaxBuffer];
        read.CopyTo(corrected);
        corrected = corrected[..layout.Length];
        Span<MrzCorrection> corrections = stackalloc MrzCorrection[MaxCorrections];
        var correctionCount = 0;
        if (options.EnableCorrection && alternatives is not null && read.SequenceEqual(text))
        {
            // The OCR's alternatives are aligned with the text only when it needed no normalising (it never does).
            var found = outcome.FailedMask == 0 ? [] : CandidateCorrector.Correct(layout, corrected, alternatives);
            if (found.Count > 0)
            {
                outcome = CheckEvaluator.Evaluate(layout, corrected, checks);
            }

            var checkGuided = found.Count;
            var all = new List<MrzCorrection>(found);
            var fitted = CandidateCorrector.FitUncovered(layout, corrected, alternatives);
            all.AddRange(fitted);
            Span<MrzCorrection> country = stackalloc MrzCorrection[2];
            var countryCount = CountryCodeCorrector.Correct(layout, corrected, country);
            all.AddRange(country[..countryCount].ToArray());
            var array = all.ToArray();
            ReportCorrections(array.AsSpan(0, checkGuided), array.AsSpan(checkGuided + fitted.Count), ref issues, ref tolerances);
            ReportFieldTypeCorrections(fitted, ref issues, ref tolerances);
            return Finish(text, layout, read, corrected, checks, outcome, array, issues, tolerances, reference, options);
        }

        if (options.EnableCorrection)
        {
            if (outcome.FailedMask != 0)
            {
                correctionCount = OcrCorrector.Correct(layout, corrected, outcome.FailedMask, corrections);
                if (correctionCount > 0)
                {
                    outcome = CheckEvaluator.Evaluate(layout, corrected, checks);
                }
            }

            var checkGuided = correctionCount;
            correctionCount += CountryCodeCorrector.Correct(layout, corrected, corrections[correctionCount..]);
            ReportCorrections(corrections[..checkGuided], corrections[checkGuided..correctionCount], ref issues, ref tolerances);
        }

        return Finish(
            text, layout, read, corrected, checks, outcome, correctionCount == 0 ? [] : corrections[..correctionCount].ToArray(), issues, tolerances, reference, options);
    }

    private static MrzResult Finish(
        string text,
        MrzLayout layout,
        ReadOnlySpan<char> read,
        ReadOnlySpan<char> corrected,
        MrzCheck[] checks,
        CheckOutcome outcome,
        MrzCorrection[] corrections,
        IssueBag issues,
        MrzTolerances tolerances,
        DateOnly reference,
        MrzParseOptions options)
    {
        var correctionCount = corrections.Length;
        tolerances |= outcome.Tolerances;
        ReportChecks(checks, outcome, ref issues);
        var facts = FieldValidator.Validate(layout, corrected, reference, options.ExpiryWindowYears, ref issues, ref tolerances);

        // The input is usually already the normalised text: then it is reused rather than copied.
        var textRead = read.SequenceEqual(text) ? text : new string(read);
        var textCorrected = correctionCount == 0 ? textRead : new string(corrected);
        return new MrzResult(
            text,
            layout,
            textRead,
            textCorrected,
            checks,
            issues.ToList(),
            corrections,
            tolerances,
            facts,
            outcome.ContinuationLength,
            reference,
            options);
    }

    /// <summary>Parses MRZ lines given one by one; the same rules as <see cref="Parse(string, MrzParseOptions?)"/>.</summary>
    /// <param name="lines">The MRZ lines.</param>
    /// <param name="options">Settings; <see cref="MrzParseOptions.Default"/> when null.</param>
    /// <returns>The parse result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is null.</exception>
    public static MrzResult Parse(IReadOnlyList<string> lines, MrzParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);

        // A null line is read as an empty one, which the line checks then report.
        return Parse(string.Join('\n', lines.Select(l => l ?? string.Empty)), options);
    }

    private static bool IsCleanTd2(ReadOnlySpan<char> buffer)
    {
        Span<MrzCheck> checks = stackalloc MrzCheck[MrzLayouts.Td2.Checks.Length];
        return CheckEvaluator.Evaluate(MrzLayouts.Td2, buffer, checks).FailedMask == 0;
    }

    private static void ReportCorrections(
        ReadOnlySpan<MrzCorrection> checkGuided,
        ReadOnlySpan<MrzCorrection> countryCodes,
        ref IssueBag issues,
        ref MrzTolerances tolerances)
    {
        foreach (var c in checkGuided)
        {
            tolerances |= MrzTolerances.OcrCorrection;
            issues.Warning(
                MrzIssueCode.OcrCorrection,
                c.Line,
                c.Column,
                $"'{c.From}' was corrected to '{c.To}': the field type allows only that and the check digits then hold.");
        }

        foreach (var c in countryCodes)
        {
            tolerances |= MrzTolerances.OcrCorrection | MrzTolerances.CountryCodeCorrection;
            issues.Warning(
                MrzIssueCode.OcrCorrection,
                c.Line,
                c.Column,
                $"'{c.From}' was corrected to '{c.To}': a country code holds letters only and the corrected code is a known one.");
        }
    }

    private static void ReportFieldTypeCorrections(List<MrzCorrection> corrections, ref IssueBag issues, ref MrzTolerances tolerances)
    {
        foreach (var c in corrections)
        {
            tolerances |= MrzTolerances.OcrCorrection;
            issues.Warning(
                MrzIssueCode.OcrCorrection,
                c.Line,
                c.Column,
                $"'{c.From}' was corrected to '{c.To}': the field cannot hold '{c.From}' and '{c.To}' was the reader's next choice.");
        }
    }

    private static void ReportChecks(MrzCheck[] checks, CheckOutcome outcome, ref IssueBag issues)
    {
        foreach (var check in checks)
        {
            if (check.Passed)
            {
                continue;
            }

            if (check.Name == MrzCheckName.DocumentNumber && outcome.MissingContinuation)
            {
                issues.Error(
                    MrzIssueCode.MissingDocumentNumberContinuation,
                    check.Line,
                    check.Column,
                    "The document number check digit is '<' (long number) but the optional data holds no continuation and check digit.");
                continue;
            }

            issues.Error(
                MrzIssueCode.CheckDigitMismatch,
                check.Line,
                check.Column,
                $"{check.Name} check digit: found '{check.Found}', computed '{check.Expected}'.");
        }
    }
}

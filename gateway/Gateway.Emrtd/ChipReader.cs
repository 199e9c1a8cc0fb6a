using Gateway.Emrtd.Internal;
using Gateway.Emrtd.Internal.Lds;
using Gateway.Mrz;

namespace Gateway.Emrtd;

/// <summary>
/// Reads and verifies an eMRTD chip through any <see cref="ICardChannel"/>: access control by the explicit policy (PACE
/// first; BAC only when <see cref="ChipReadOptions.AllowBac"/> allows, each fallback recorded; fail closed otherwise), chip
/// authentication when DG14 is present (the data groups are then read under its keys; a chip failing it is read no
/// further), the LDS files, active authentication when DG15 is present, and passive authentication. Bad or lying chips give a result
/// with failed checks; only a transport failure (card removed, reader gone) throws.
/// </summary>
public static class ChipReader
{
    /// <summary>Reads the chip.</summary>
    /// <param name="channel">The connected card.</param>
    /// <param name="key">The access key: MRZ information or CAN.</param>
    /// <param name="options">Policy and trust; the fail-closed defaults when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The result, with one check per step.</returns>
    /// <exception cref="ChipException">The transport failed (<see cref="ChipException.IsTransient"/> says whether to retry).</exception>
    public static async Task<ChipReadResult> ReadAsync(ICardChannel channel, AccessKey key, ChipReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(key);
        options ??= new ChipReadOptions();
        var time = options.TimeProvider;
        var session = new CardSession(channel);
        var timings = new List<ChipStepTiming>();

        var start = time.GetTimestamp();
        ChipAccess.Outcome access;
        try
        {
            access = await ChipAccess.OpenAsync(session, key, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ChipException e) when (!e.IsTransient)
        {
            return Unusable("chip.access", e, options.Culture, [], timings);
        }

        timings.Add(new ChipStepTiming("access", time.GetElapsedTime(start), session.BytesExchanged));
        var checks = new List<ChipCheck> { access.Check };
        if (access.Protocol == ChipAccessProtocol.None)
        {
            return new ChipReadResult { AccessProtocol = ChipAccessProtocol.None, AccessFallbacks = access.Fallbacks, Checks = checks, Timings = timings };
        }

        try
        {
            return await ReadFilesAsync(session, access, options, checks, timings, cancellationToken).ConfigureAwait(false);
        }
        catch (ChipException e) when (!e.IsTransient)
        {
            // A chip whose answers fail secure messaging or refuse a file: a failed read, not a crash.
            checks.Add(new ChipCheck("chip.read", ChipCheckStatus.Failed, ChipTexts.Format(options.Culture, "ReadFailed", e.Message)));
            return new ChipReadResult { AccessProtocol = access.Protocol, PaceProtocol = access.PaceProtocol, AccessFallbacks = access.Fallbacks, Checks = checks, Timings = timings };
        }
    }

    private static async Task<ChipReadResult> ReadFilesAsync(CardSession session, ChipAccess.Outcome access, ChipReadOptions options, List<ChipCheck> checks,
        List<ChipStepTiming> timings, CancellationToken cancellationToken)
    {
        var time = options.TimeProvider;
        var files = new SortedDictionary<int, byte[]>();
        var com = await TimedReadAsync(session, LdsFile.Com, "read EF.COM", timings, time, cancellationToken).ConfigureAwait(false);
        var sod = await TimedReadAsync(session, LdsFile.Sod, "read EF.SOD", timings, time, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<int> listed = [1, 2];
        if (com is not null)
        {
            listed = ParseOrNull(() => LdsFile.ParseCom(com), "chip.com.parse", checks, options.Culture) ?? listed;
        }

        var numbers = new[] { 1 }.Concat(options.DataGroups).Distinct().Where(listed.Contains).ToList();

        // Chip authentication replaces the access control session, so DG14 comes first and the rest is read under its keys.
        if (com is not null && numbers.Remove(14) && await TimedReadAsync(session, LdsFile.DataGroupFileId(14), "read DG14", timings, time, cancellationToken).ConfigureAwait(false) is { } dg14)
        {
            files[14] = dg14;
            var start = time.GetTimestamp();
            var before = session.BytesExchanged;
            var (check, sessionLost) = await ChipAuthentication.RunAsync(session, dg14, com, options.Culture, cancellationToken).ConfigureAwait(false);
            checks.Add(check);
            timings.Add(new ChipStepTiming("chip authentication", time.GetElapsedTime(start), session.BytesExchanged - before));
            if (sessionLost)
            {
                numbers.Clear();
            }
        }

        foreach (var number in numbers)
        {
            if (await TimedReadAsync(session, LdsFile.DataGroupFileId(number), $"read DG{number}", timings, time, cancellationToken).ConfigureAwait(false) is { } bytes)
            {
                files[number] = bytes;
            }
        }

        var result = new ChipReadResult
        {
            AccessProtocol = access.Protocol,
            PaceProtocol = access.PaceProtocol,
            AccessFallbacks = access.Fallbacks,
            KeyCorrected = access.KeyCorrected,
            Mrz = files.TryGetValue(1, out var dg1) ? ParseOrNull(() => MrzParser.Parse(LdsFile.SplitMrzLines(LdsFile.ParseDg1(dg1))), "chip.dg1.parse", checks, options.Culture) : null,
            Portrait = files.TryGetValue(2, out var dg2) ? ParseOrNull(() => FaceImage.Parse(dg2), "chip.dg2.parse", checks, options.Culture) : null,
            AdditionalPersonalDetails = files.TryGetValue(11, out var dg11) ? ParseOrNull(() => LdsFile.ParseTextFields(dg11, 0x6B), "chip.dg11.parse", checks, options.Culture) ?? new Dictionary<int, string>() : new Dictionary<int, string>(),
            AdditionalDocumentDetails = files.TryGetValue(12, out var dg12) ? ParseOrNull(() => LdsFile.ParseTextFields(dg12, 0x6C), "chip.dg12.parse", checks, options.Culture) ?? new Dictionary<int, string>() : new Dictionary<int, string>(),
        };

        if (files.TryGetValue(15, out var dg15))
        {
            var start = time.GetTimestamp();
            var before = session.BytesExchanged;
            checks.Add(await ActiveAuthentication.RunAsync(session, dg15, files.GetValueOrDefault(14), options.Culture, cancellationToken).ConfigureAwait(false));
            timings.Add(new ChipStepTiming("active authentication", time.GetElapsedTime(start), session.BytesExchanged - before));
        }

        var verifyStart = time.GetTimestamp();
        if (sod is null)
        {
            checks.Add(new ChipCheck("chip.sod.signature", ChipCheckStatus.Failed, ChipTexts.Format(options.Culture, "NoSod")));
        }
        else
        {
            checks.AddRange(PassiveAuthentication.Verify(sod, files, options.Csca, time.GetUtcNow(), options.Culture));
            files[0] = sod;
        }

        timings.Add(new ChipStepTiming("passive authentication", time.GetElapsedTime(verifyStart), 0));
        if (options.DocumentMrz is { } documentMrz && result.Mrz is { } chipMrz)
        {
            checks.Add(CompareMrz(chipMrz, documentMrz, options.Culture));
        }

        var verified = access.Check.Status == ChipCheckStatus.Passed
            && files.ContainsKey(1)
            && Passed(checks, "chip.sod.signature") && Passed(checks, "chip.signer.chain")
            && files.Keys.Where(n => n > 0).All(n => Passed(checks, $"chip.dg{n}.hash"));
        return result with { DataGroups = files, Checks = checks, Timings = timings, Verified = verified };
    }

    /// <summary>Compares the chip's DG1 with the MRZ a document reader delivered, field by field.</summary>
    /// <param name="chip">DG1's MRZ.</param>
    /// <param name="document">The document reader's MRZ.</param>
    /// <param name="culture">The language of the check's detail (default the current UI culture).</param>
    /// <returns>The <c>chip.dg1.document-mrz</c> check; its detail names the fields that differ.</returns>
    public static ChipCheck CompareMrz(MrzResult chip, MrzResult document, System.Globalization.CultureInfo? culture = null)
    {
        var c = culture ?? System.Globalization.CultureInfo.CurrentUICulture;
        ArgumentNullException.ThrowIfNull(chip);
        ArgumentNullException.ThrowIfNull(document);
        var differing = chip.Fields
            .Select(f => (f.Name, Chip: f.Value, Document: document.GetField(f.Name)?.Value))
            .Where(f => f.Document is not null && f.Chip != f.Document)
            .Select(f => f.Name.ToString())
            .ToList();
        return differing.Count == 0
            ? new ChipCheck("chip.dg1.document-mrz", ChipCheckStatus.Passed, ChipTexts.Format(c, "Dg1Matches"))
            : new ChipCheck("chip.dg1.document-mrz", ChipCheckStatus.Failed, ChipTexts.Format(c, "Dg1Differs", string.Join(", ", differing)));
    }

    private static ChipReadResult Unusable(string check, ChipException e, System.Globalization.CultureInfo culture, IReadOnlyList<string> fallbacks, List<ChipStepTiming> timings) => new()
    {
        AccessProtocol = ChipAccessProtocol.None,
        AccessFallbacks = fallbacks,
        Checks = [new ChipCheck(check, ChipCheckStatus.Failed, ChipTexts.Format(culture, "ReadFailed", e.Message))],
        Timings = timings,
    };

    private static bool Passed(List<ChipCheck> checks, string name) => checks.Any(c => c.Name == name && c.Status == ChipCheckStatus.Passed);

    private static T? ParseOrNull<T>(Func<T?> parse, string check, List<ChipCheck> checks, System.Globalization.CultureInfo culture)
        where T : class
    {
        try
        {
            return parse();
        }
        catch (ChipException e) when (e.Kind is ChipErrorKind.Malformed or ChipErrorKind.NotSupported)
        {
            checks.Add(new ChipCheck(check, ChipCheckStatus.Failed, ChipTexts.Format(culture, "ParseFailed", e.Message)));
            return null;
        }
    }

    private static async Task<byte[]?> TimedReadAsync(CardSession session, ushort fileId, string step, List<ChipStepTiming> timings, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        var before = session.BytesExchanged;
        byte[]? bytes = null;
        if (await session.TrySelectAsync(fileId, cancellationToken).ConfigureAwait(false))
        {
            bytes = await session.ReadSelectedFileAsync(cancellationToken).ConfigureAwait(false);
        }

        timings.Add(new ChipStepTiming(step, time.GetElapsedTime(start), session.BytesExchanged - before));
        return bytes;
    }
}

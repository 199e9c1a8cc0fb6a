namespace Gateway.Emrtd.Internal;

/// <summary>
/// The access policy: PACE when EF.CardAccess offers a protocol we support; BAC only when configuration allows and PACE is
/// absent, unsupported or failed for a reason other than the key; a refused MRZ key is retried with check-digit-consistent
/// alternatives (bounded). Every departure is recorded; without an allowed route the read fails closed.
/// </summary>
internal static class ChipAccess
{
    public sealed record Outcome(ChipAccessProtocol Protocol, ChipCheck Check, IReadOnlyList<string> Fallbacks, bool KeyCorrected, string? PaceProtocol);

    public static async Task<Outcome> OpenAsync(CardSession session, AccessKey key, ChipReadOptions options, CancellationToken cancellationToken)
    {
        var c = options.Culture;
        var fallbacks = new List<string>();
        var infos = await ReadCardAccessAsync(session, fallbacks, c, cancellationToken).ConfigureAwait(false);
        var pace = infos.FirstOrDefault(i => i.Algorithm.IsSupported && PaceAlgorithm.StandardCurve(i.ParameterId ?? -1) is not null);
        string? paceFailure = null;
        if (pace is not null)
        {
            var sendParameterId = infos.Count(i => i.Oid == pace.Oid) > 1;
            var (sm, corrected, error) = await WithCorrectionsAsync(key, options, k => Pace.AuthenticateAsync(session, k, pace, cancellationToken, sendParameterId: sendParameterId)).ConfigureAwait(false);
            if (sm is not null)
            {
                session.Secure(sm);
                await SelectApplicationAsync(session, cancellationToken).ConfigureAwait(false);
                var detail = ChipTexts.Format(c, "AccessPace", pace.Oid, pace.ParameterId, key is CanAccessKey ? "CAN" : "MRZ", corrected ? ChipTexts.Format(c, "KeyCorrected") : string.Empty);
                return new Outcome(ChipAccessProtocol.Pace, new ChipCheck("chip.access", ChipCheckStatus.Passed, detail), fallbacks, corrected, pace.Oid);
            }

            if (error!.Kind == ChipErrorKind.AccessDenied)
            {
                return Denied(fallbacks, ChipTexts.Format(c, "AccessPaceRefused", error.Message));
            }

            paceFailure = ChipTexts.Format(c, "PaceFailed", error.Message);
        }
        else if (infos.Count > 0)
        {
            paceFailure = ChipTexts.Format(c, "PaceUnsupported", string.Join(", ", infos.Select(i => i.Oid)));
        }
        else
        {
            paceFailure = ChipTexts.Format(c, "NoPace");
        }

        if (key is not MrzAccessKey mrzKey)
        {
            return Denied(fallbacks, ChipTexts.Format(c, "AccessCanNeedsPace", paceFailure));
        }

        if (!options.AllowBac)
        {
            return Denied(fallbacks, ChipTexts.Format(c, "AccessBacNotAllowed", paceFailure));
        }

        fallbacks.Add(ChipTexts.Format(c, "BacUsed", paceFailure));
        await SelectApplicationAsync(session, cancellationToken).ConfigureAwait(false);
        var (bac, bacCorrected, bacError) = await WithCorrectionsAsync(mrzKey, options, k => Bac.AuthenticateAsync(session, (MrzAccessKey)k, cancellationToken)).ConfigureAwait(false);
        if (bac is null)
        {
            return Denied(fallbacks, ChipTexts.Format(c, "AccessBacFailed", bacError!.Message));
        }

        session.Secure(bac);
        return new Outcome(ChipAccessProtocol.Bac, new ChipCheck("chip.access", ChipCheckStatus.Passed, ChipTexts.Format(c, "AccessBac", bacCorrected ? ChipTexts.Format(c, "KeyCorrected") : string.Empty)), fallbacks, bacCorrected, null);
    }

    private static Outcome Denied(List<string> fallbacks, string detail) =>
        new(ChipAccessProtocol.None, new ChipCheck("chip.access", ChipCheckStatus.Failed, detail), fallbacks, false, null);

    /// <summary>Runs an access protocol with the key, then, if the chip refuses it, with the key's alternatives.</summary>
    private static async Task<(SecureMessaging? Sm, bool Corrected, ChipException? Error)> WithCorrectionsAsync(AccessKey key, ChipReadOptions options, Func<AccessKey, Task<SecureMessaging>> run)
    {
        ChipException error;
        try
        {
            return (await run(key).ConfigureAwait(false), false, null);
        }
        catch (ChipException e) when (!e.IsTransient)
        {
            error = e;
        }

        if (error.Kind != ChipErrorKind.AccessDenied || key is not MrzAccessKey { PrintedCheckDigit: { } digit } mrzKey)
        {
            return (null, false, error);
        }

        foreach (var alternative in KeyCorrection.Alternatives(mrzKey, digit, options.MaxKeyCorrections))
        {
            try
            {
                return (await run(alternative).ConfigureAwait(false), true, null);
            }
            catch (ChipException e) when (e.Kind == ChipErrorKind.AccessDenied)
            {
            }
        }

        return (null, false, error);
    }

    private static async Task<IReadOnlyList<PaceInfo>> ReadCardAccessAsync(CardSession session, List<string> notes, System.Globalization.CultureInfo culture, CancellationToken cancellationToken)
    {
        try
        {
            if (!await session.TrySelectAsync(Lds.LdsFile.CardAccess, cancellationToken).ConfigureAwait(false))
            {
                return [];
            }

            return PaceInfo.ParseCardAccess(await session.ReadSelectedFileToEndAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (ChipException e) when (!e.IsTransient)
        {
            notes.Add(ChipTexts.Format(culture, "CardAccessUnreadable", e.Message));
            return [];
        }
    }

    private static async Task SelectApplicationAsync(CardSession session, CancellationToken cancellationToken)
    {
        var response = await session.SendAsync(new CommandApdu(0x00, 0xA4, 0x04, 0x0C, Lds.LdsFile.ApplicationId, 0), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw StatusWords.ToException(response.StatusWord, "SELECT eMRTD application");
        }
    }
}

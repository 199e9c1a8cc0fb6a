using Gateway.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace Gateway.Host.Sessions;

/// <summary>
/// Builds a traveller record from a session's captures: the latest capture of each step, every barcode, every check
/// (named by step), the at-a-glance flags, the cross-source comparisons, and the verdict with its reasons.
/// </summary>
internal static class RecordBuilder
{
    public static TravellerRecord Build(SessionSnapshot session, DateTimeOffset now, Texts texts)
    {
        var record = new TravellerRecord
        {
            Id = Guid.CreateVersion7(now).ToString(),
            SessionId = session.Id,
            BoothId = session.BoothId,
            StartedAt = Timestamp.FromDateTimeOffset(session.StartedAt),
            CompletedAt = Timestamp.FromDateTimeOffset(now),
            Flags = new TravellerFlags(),
        };
        record.Steps.AddRange(session.Steps);

        var documents = session.Captures.Where(c => c.PayloadCase == Capture.PayloadOneofCase.Document).ToList();
        var barcodes = session.Captures.Where(c => c.PayloadCase == Capture.PayloadOneofCase.Barcode).ToList();
        var portrait = session.Captures.LastOrDefault(c => c.PayloadCase == Capture.PayloadOneofCase.Portrait);
        var fingers = session.Captures.LastOrDefault(c => c.PayloadCase == Capture.PayloadOneofCase.Fingerprints);
        var chip = session.Captures.LastOrDefault(c => c.PayloadCase == Capture.PayloadOneofCase.Chip);
        var document = documents.LastOrDefault();
        record.Document = document?.Document;
        record.Barcodes.AddRange(barcodes.Select(b => b.Barcode));
        record.Portrait = portrait?.Portrait;
        record.Fingerprints = fingers?.Fingerprints;
        record.Chip = chip?.Chip;

        var used = documents.Concat(barcodes).Concat(new[] { chip, portrait, fingers }.OfType<Capture>()).OrderBy(c => c.Sequence).ToList();
        record.CaptureIds.AddRange(used.Select(c => c.Id));
        foreach (var capture in used)
        {
            var prefix = capture.PayloadCase switch
            {
                // Chip checks are named chip.* already: "document.chip.sod.signature".
                Capture.PayloadOneofCase.Document or Capture.PayloadOneofCase.Chip => "document",
                Capture.PayloadOneofCase.Barcode => "barcode",
                Capture.PayloadOneofCase.Portrait => "portrait",
                _ => "fingerprints",
            };
            record.Checks.AddRange(capture.Checks.Select(c => new VerificationCheck(c) { Name = $"{prefix}.{c.Name}" }));
        }

        var flags = record.Flags;
        if (document?.Document.Mrz?.Facts is { } facts)
        {
            flags.Expired = facts.HasExpired && facts.Expired;
            flags.ExpiresSoon = facts.HasExpiresSoon && facts.ExpiresSoon;
            flags.Minor = facts.HasMinor && facts.Minor;
            if (facts.HasAge)
            {
                flags.Age = facts.Age;
            }
        }

        flags.FailedChecks.AddRange(record.Checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => c.Name));
        flags.MissingSteps.AddRange(session.Steps.Where(step => !used.Any(c => StepOf(c) == step)));
        record.Comparisons.AddRange(Comparisons.Compare(documents, barcodes, chip?.Chip));
        flags.Disagreements.AddRange(record.Comparisons.Where(c => !c.Agree).Select(c => $"{c.Field} ({c.Source} / {c.OtherSource})"));

        var reasons = record.Reasons;
        reasons.AddRange(flags.MissingSteps.Select(step => texts.Format("RecordStepMissing", Names.Of(step))));
        reasons.AddRange(flags.FailedChecks.Select(name => texts.Format("RecordCheckFailed", name)));
        if (flags.Expired)
        {
            reasons.Add(texts.Format("RecordDocumentExpired", document!.Document.Fields?.ExpiryDate ?? string.Empty));
        }

        reasons.AddRange(record.Comparisons.Where(c => !c.Agree)
            .Select(c => texts.Format("RecordSourcesDisagree", c.Field, c.Source, c.Value, c.OtherSource, c.OtherValue)));
        record.Verified = reasons.Count == 0 && record.Checks.Count > 0;
        return record;
    }

    /// <summary>The step a capture belongs to (barcodes and the document's chip belong to the document step).</summary>
    public static SessionStep StepOf(Capture capture) => capture.PayloadCase switch
    {
        Capture.PayloadOneofCase.Document or Capture.PayloadOneofCase.Barcode or Capture.PayloadOneofCase.Image
            or Capture.PayloadOneofCase.Chip => SessionStep.Document,
        Capture.PayloadOneofCase.Portrait => SessionStep.Portrait,
        Capture.PayloadOneofCase.Fingerprints => SessionStep.Fingerprints,
        _ => SessionStep.Unspecified,
    };

    /// <summary>True when the capture completes its step (a barcode or a bare page image alone does not complete the document step).</summary>
    public static bool Completes(Capture capture) => capture.PayloadCase is
        Capture.PayloadOneofCase.Document or Capture.PayloadOneofCase.Portrait or Capture.PayloadOneofCase.Fingerprints;
}

/// <summary>What the record builder needs of a session.</summary>
internal sealed record SessionSnapshot(
    string Id, string BoothId, DateTimeOffset StartedAt, IReadOnlyList<SessionStep> Steps, IReadOnlyList<Capture> Captures);

/// <summary>Lower-case names of session steps for texts (<c>SessionStep.Fingerprints</c> → <c>fingerprints</c>).</summary>
internal static class Names
{
    public static string Of(SessionStep step) => step.ToString().ToLowerInvariant();
}

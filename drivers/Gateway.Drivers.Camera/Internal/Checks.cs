using Gateway.Imaging.Portraits;

namespace Gateway.Drivers.Camera.Internal;

/// <summary>Portrait measures as capture checks: the measure's name, outcome, and value with its threshold.</summary>
internal static class Checks
{
    public static IReadOnlyList<CaptureCheck> Of(PortraitAnalysis analysis) =>
    [
        .. analysis.Measures.Select(m => new CaptureCheck(m.Name, m.Outcome switch
        {
            MeasureOutcome.Passed => CheckOutcome.Passed,
            MeasureOutcome.Failed => CheckOutcome.Failed,
            _ => CheckOutcome.NotApplicable,
        }, m.Detail)),
    ];

    public static QualityFeedback Feedback(PortraitAnalysis analysis, int goodFrames, int needed) =>
        new(PortraitFeedbackCodes.Of(analysis.Feedback), Of(analysis)) { GoodFrames = goodFrames, GoodFramesNeeded = needed };
}

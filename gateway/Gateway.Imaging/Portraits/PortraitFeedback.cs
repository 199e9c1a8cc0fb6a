namespace Gateway.Imaging.Portraits;

/// <summary>
/// What the officer should ask of the traveller, from the first failing measure. Directions are the traveller's own
/// (facing the camera). The stable codes (<see cref="PortraitFeedbackCodes.Of"/>) are what hosts translate.
/// </summary>
public enum PortraitFeedback
{
    /// <summary>Every measure passes: hold still for the capture.</summary>
    Ready = 0,

    /// <summary>No face found: step in front of the camera and look at it.</summary>
    NoFace = 1,

    /// <summary>More than one face: only the traveller in view.</summary>
    OnePersonOnly = 2,

    /// <summary>The face is too small in the frame.</summary>
    MoveCloser = 3,

    /// <summary>The face is too large in the frame.</summary>
    MoveBack = 4,

    /// <summary>The face is right of centre in the traveller's view: move to their left.</summary>
    MoveLeft = 5,

    /// <summary>The face is left of centre in the traveller's view: move to their right.</summary>
    MoveRight = 6,

    /// <summary>The face is too low in the frame.</summary>
    MoveUp = 7,

    /// <summary>The face is too high in the frame.</summary>
    MoveDown = 8,

    /// <summary>The head is tilted (eye line not level).</summary>
    LookStraight = 9,

    /// <summary>The face is blurred (movement or focus).</summary>
    HoldStill = 10,

    /// <summary>The face is too dark.</summary>
    TooDark = 11,

    /// <summary>The face is too bright or washed out.</summary>
    TooBright = 12,

    /// <summary>The face lacks contrast (flat or hazy light).</summary>
    LowContrast = 13,

    /// <summary>The background around the head is not plain.</summary>
    PlainBackground = 14,
}

/// <summary>The stable codes of <see cref="PortraitFeedback"/>, e.g. <c>move_closer</c>.</summary>
public static class PortraitFeedbackCodes
{
    /// <summary>The stable snake_case code of a feedback: <c>ready</c>, <c>no_face</c>, <c>move_closer</c>…</summary>
    /// <param name="feedback">The feedback.</param>
    public static string Of(PortraitFeedback feedback) => feedback switch
    {
        PortraitFeedback.Ready => "ready",
        PortraitFeedback.NoFace => "no_face",
        PortraitFeedback.OnePersonOnly => "one_person_only",
        PortraitFeedback.MoveCloser => "move_closer",
        PortraitFeedback.MoveBack => "move_back",
        PortraitFeedback.MoveLeft => "move_left",
        PortraitFeedback.MoveRight => "move_right",
        PortraitFeedback.MoveUp => "move_up",
        PortraitFeedback.MoveDown => "move_down",
        PortraitFeedback.LookStraight => "look_straight",
        PortraitFeedback.HoldStill => "hold_still",
        PortraitFeedback.TooDark => "too_dark",
        PortraitFeedback.TooBright => "too_bright",
        PortraitFeedback.LowContrast => "low_contrast",
        PortraitFeedback.PlainBackground => "plain_background",
        _ => throw new ArgumentOutOfRangeException(nameof(feedback), feedback, null),
    };

    /// <summary>Every feedback code, in <see cref="PortraitFeedback"/> order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<PortraitFeedback>().Select(Of)];
}

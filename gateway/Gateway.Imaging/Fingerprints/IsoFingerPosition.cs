namespace Gateway.Imaging.Fingerprints;

/// <summary>ISO/IEC 19794-4 finger position codes (the numbers of the standard, and of the gateway's contract).</summary>
public enum IsoFingerPosition : byte
{
    /// <summary>Unknown finger.</summary>
    Unknown = 0,

    /// <summary>Right thumb.</summary>
    RightThumb = 1,

    /// <summary>Right index finger.</summary>
    RightIndex = 2,

    /// <summary>Right middle finger.</summary>
    RightMiddle = 3,

    /// <summary>Right ring finger.</summary>
    RightRing = 4,

    /// <summary>Right little finger.</summary>
    RightLittle = 5,

    /// <summary>Left thumb.</summary>
    LeftThumb = 6,

    /// <summary>Left index finger.</summary>
    LeftIndex = 7,

    /// <summary>Left middle finger.</summary>
    LeftMiddle = 8,

    /// <summary>Left ring finger.</summary>
    LeftRing = 9,

    /// <summary>Left little finger.</summary>
    LeftLittle = 10,

    /// <summary>Plain right thumb.</summary>
    PlainRightThumb = 11,

    /// <summary>Plain left thumb.</summary>
    PlainLeftThumb = 12,

    /// <summary>Plain right four fingers (a right slap).</summary>
    PlainRightFourFingers = 13,

    /// <summary>Plain left four fingers (a left slap).</summary>
    PlainLeftFourFingers = 14,

    /// <summary>Plain thumbs, both in one image.</summary>
    PlainThumbs = 15,
}

/// <summary>What an image of a given position holds, finger by finger.</summary>
public static class FingerLayouts
{
    /// <summary>
    /// The individual fingers an image of <paramref name="position"/> holds, left to right as they appear in the image
    /// (a live-scan or ink impression seen from the ridge side, hand palm down): a right slap shows index, middle, ring,
    /// little; a left slap little, ring, middle, index; a thumbs image the left thumb, then the right. A single finger
    /// holds itself; plain thumbs map to the thumbs.
    /// </summary>
    public static IReadOnlyList<IsoFingerPosition> FingersOf(IsoFingerPosition position) => position switch
    {
        IsoFingerPosition.PlainRightFourFingers =>
            [IsoFingerPosition.RightIndex, IsoFingerPosition.RightMiddle, IsoFingerPosition.RightRing, IsoFingerPosition.RightLittle],
        IsoFingerPosition.PlainLeftFourFingers =>
            [IsoFingerPosition.LeftLittle, IsoFingerPosition.LeftRing, IsoFingerPosition.LeftMiddle, IsoFingerPosition.LeftIndex],
        IsoFingerPosition.PlainThumbs => [IsoFingerPosition.LeftThumb, IsoFingerPosition.RightThumb],
        IsoFingerPosition.PlainRightThumb => [IsoFingerPosition.RightThumb],
        IsoFingerPosition.PlainLeftThumb => [IsoFingerPosition.LeftThumb],
        _ => [position],
    };
}

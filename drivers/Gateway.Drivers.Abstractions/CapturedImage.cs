namespace Gateway.Drivers;

/// <summary>An encoded image.</summary>
/// <param name="Data">The encoded bytes.</param>
/// <param name="Format">How <paramref name="Data"/> is encoded.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record CapturedImage(ReadOnlyMemory<byte> Data, ImageFormat Format, int Width, int Height)
{
    /// <summary>The light the image was taken under, when known.</summary>
    public LightSource Light { get; init; } = LightSource.Unspecified;

    /// <summary>Resolution in pixels per inch; 0 when unknown.</summary>
    public int Ppi { get; init; }
}

/// <summary>Image encodings; numbering matches <c>gateway.v1.ImageFormat</c>.</summary>
public enum ImageFormat
{
    /// <summary>PNG.</summary>
    Png = 1,

    /// <summary>JPEG.</summary>
    Jpeg = 2,

    /// <summary>Uncompressed 8-bit grey, row-major.</summary>
    Gray8 = 3,

    /// <summary>WSQ fingerprint compression.</summary>
    Wsq = 4,

    /// <summary>JPEG 2000.</summary>
    Jpeg2000 = 5,
}

/// <summary>Light sources; numbering matches <c>gateway.v1.LightSource</c>.</summary>
public enum LightSource
{
    /// <summary>Not known.</summary>
    Unspecified = 0,

    /// <summary>Visible white light.</summary>
    Visible = 1,

    /// <summary>Infrared.</summary>
    Infrared = 2,

    /// <summary>Ultraviolet.</summary>
    Ultraviolet = 3,
}

/// <summary>ISO/IEC 19794-4 finger position codes; numbering matches <c>gateway.v1.FingerPosition</c>.</summary>
public enum FingerPosition
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

    /// <summary>Plain (flat) right thumb, as taken on a slap scanner.</summary>
    PlainRightThumb = 11,

    /// <summary>Plain (flat) left thumb, as taken on a slap scanner.</summary>
    PlainLeftThumb = 12,

    /// <summary>The four fingers of the right hand in one plain (slap) image: index, middle, ring, little.</summary>
    PlainRightFourFingers = 13,

    /// <summary>The four fingers of the left hand in one plain (slap) image: little, ring, middle, index.</summary>
    PlainLeftFourFingers = 14,

    /// <summary>Both thumbs in one plain image: left thumb on the left, right thumb on the right.</summary>
    PlainThumbs = 15,
}

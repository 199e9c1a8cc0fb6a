namespace Gateway.Drivers;

/// <summary>What a capture holds; numbering matches <c>gateway.v1.CaptureKind</c>.</summary>
public enum CaptureKind
{
    /// <summary>A travel document's MRZ (and what was read with it).</summary>
    Document = 1,

    /// <summary>A decoded barcode.</summary>
    Barcode = 2,

    /// <summary>A page or frame image.</summary>
    Image = 3,

    /// <summary>A face portrait.</summary>
    Portrait = 4,

    /// <summary>One or more finger images.</summary>
    Fingerprint = 5,
}

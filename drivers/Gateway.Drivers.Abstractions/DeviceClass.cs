namespace Gateway.Drivers;

/// <summary>The class of a device; numbering matches <c>gateway.v1.DeviceClass</c>.</summary>
public enum DeviceClass
{
    /// <summary>A passport or ID card reader (swipe, full-page or chip).</summary>
    DocumentReader = 1,

    /// <summary>A webcam or document camera.</summary>
    Camera = 2,

    /// <summary>A fingerprint scanner.</summary>
    FingerprintScanner = 3,

    /// <summary>A stand-alone barcode scanner.</summary>
    BarcodeScanner = 4,
}

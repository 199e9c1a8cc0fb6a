namespace Gateway.Imaging.TestMedia.Fingerprints;

/// <summary>How a synthetic print is spoilt, the way real captures go wrong.</summary>
public enum FingerprintVariant
{
    /// <summary>Well pressed, clean finger, sensor noise only.</summary>
    Clean,

    /// <summary>Out of focus or moved: blurred before the sensor's noise.</summary>
    Blurred,

    /// <summary>Pressed too lightly: faint ridges on a light background.</summary>
    LowContrast,

    /// <summary>Only the top third of the fingertip touched.</summary>
    Partial,

    /// <summary>Dry skin: thin, broken ridges, light.</summary>
    Dry,

    /// <summary>Wet skin: thick ridges running together, dark.</summary>
    Wet,
}

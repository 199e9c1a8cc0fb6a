using System.ComponentModel.DataAnnotations;

namespace Gateway.Drivers.Fingerprint.Libfprint;

/// <summary>Settings of the <c>libfprint</c> driver.</summary>
public sealed class LibfprintOptions
{
    /// <summary>
    /// The libfprint driver id of the reader to use (e.g. <c>virtual_image</c>, <c>goodixmoc</c>); empty takes the first
    /// reader libfprint finds. Default empty.
    /// </summary>
    [RegularExpression("^[a-z0-9_]*$", ErrorMessage = "must be a libfprint driver id such as 'virtual_image'")]
    public string Driver { get; set; } = string.Empty;

    /// <summary>
    /// Path of the Unix socket of libfprint's <c>virtual_image</c> test device (sets <c>FP_VIRTUAL_IMAGE</c> and hides
    /// real readers with <c>FP_DRIVERS_WHITELIST=virtual_image</c> for the whole process). Under 108 bytes. Default
    /// empty: real readers.
    /// </summary>
    [MaxLength(100)]
    public string VirtualImageSocket { get; set; } = string.Empty;

    /// <summary>How long a capture waits for a usable finger, retries included. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CaptureTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The finger a capture without named positions claims to be. Default right index.</summary>
    public FingerPosition Finger { get; set; } = FingerPosition.RightIndex;

    /// <summary>Resolution reported for the images: libfprint does not give it (its ppmm is 0). Default 500 ppi.</summary>
    [Range(250, 2000)]
    public int Ppi { get; set; } = 500;
}

using System.ComponentModel.DataAnnotations;

namespace Gateway.Host.Configuration;

/// <summary>The <c>Gateway</c> configuration section.</summary>
internal sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Language of texts for officers and technicians: <c>en</c> or <c>fr</c>. Default <c>en</c>.</summary>
    [RegularExpression("^(en|fr)$", ErrorMessage = "must be 'en' or 'fr'")]
    public string Language { get; set; } = "en";

    /// <summary>Device restart policy.</summary>
    public SupervisorOptions Supervisor { get; set; } = new();

    /// <summary>Capture retention and fan-out.</summary>
    public CaptureOptions Captures { get; set; } = new();

    /// <summary>The durable, encrypted capture journal.</summary>
    public JournalOptions Journal { get; set; } = new();

    /// <summary>Who may call the gateway, and as which role.</summary>
    public SecurityOptions Security { get; set; } = new();

    /// <summary>Booth sessions.</summary>
    public SessionOptions Sessions { get; set; } = new();

    /// <summary>Barcode payload checks.</summary>
    public BarcodeOptions Barcodes { get; set; } = new();

    /// <summary>Fingerprint quality checks.</summary>
    public FingerprintOptions Fingerprints { get; set; } = new();

    /// <summary>The devices, from <c>Gateway:Devices</c> or from the <c>--devices</c> file (filled by the host, not bound).</summary>
    public IReadOnlyList<DeviceOptions> Devices { get; set; } = [];
}

/// <summary>Booth sessions: claims, steps, reconnects.</summary>
internal sealed class SessionOptions
{
    /// <summary>How long a session and its claims survive its client's disconnection. Default 30 s.</summary>
    public TimeSpan ReconnectGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The steps of a session whose client names none. Default document, portrait, fingerprints.</summary>
    public List<string> Steps { get; set; } = [];

    /// <summary>Traveller records held for GetRecord. Default 1000 (they are also on the capture stream).</summary>
    [Range(1, 1_000_000)]
    public int RetainRecords { get; set; } = 1000;
}

/// <summary>How barcode payloads are checked.</summary>
internal sealed class BarcodeOptions
{
    /// <summary>
    /// Folder of certificates (.cer, .crt, .der, .pem; subfolders too) that seal signatures are verified against: the
    /// issuers' CSCA certificates and the seal signer certificates. Empty: seals are parsed but their signatures are
    /// reported not verified, and their captures are not verified.
    /// </summary>
    public string TrustStore { get; set; } = string.Empty;
}

/// <summary>How fingerprint captures are checked.</summary>
internal sealed class FingerprintOptions
{
    /// <summary>
    /// The quality score (0–100) every requested finger must reach for the capture to be verified; below it the officer
    /// gets the instruction of the weakest measure. Default 40.
    /// </summary>
    [Range(0, 100)]
    public int MinimumQuality { get; set; } = 40;
}

/// <summary>How a faulted device is restarted: exponential backoff from <see cref="InitialBackoff"/> to <see cref="MaxBackoff"/>.</summary>
internal sealed class SupervisorOptions
{
    /// <summary>Wait before the first restart. Default 1 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between restarts. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A device that ran this long before failing starts again from <see cref="InitialBackoff"/>. Default 1 min.</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// After this many failures in a row (none of them after a stable run) the device is taken out of service
    /// (Malfunctioned) until a technician re-enables it. 0 never gives up. Default 10.
    /// </summary>
    public int DisableAfterFailures { get; set; } = 10;

    /// <summary>How long a driver may take to stop; one that takes longer is taken out of service. Default 5 s.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Captures held for resume, and each subscriber's buffer.</summary>
internal sealed class CaptureOptions
{
    /// <summary>Most captures held in the journal until acknowledged; the oldest are purged beyond it, with a warning. Default 1000.</summary>
    [Range(1, 1_000_000)]
    public int RetainCount { get; set; } = 1000;

    /// <summary>Most megabytes of captures held in the journal; the oldest are purged beyond it, with a warning. Default 256.</summary>
    [Range(1, 1_000_000)]
    public int RetainMegabytes { get; set; } = 256;

    /// <summary>Captures buffered per subscriber; a subscriber that falls further behind is ended and resumes. Default 256.</summary>
    [Range(1, 100_000)]
    public int SubscriberBuffer { get; set; } = 256;
}

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

    /// <summary>ePassport chip reads on the gateway's card readers.</summary>
    public ChipOptions Chip { get; set; } = new();

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

/// <summary>How ePassport chips are read and verified (ICAO Doc 9303 Parts 11 and 12).</summary>
internal sealed class ChipOptions
{
    /// <summary>
    /// Folder of the trusted country signing CA certificates (.cer, .crt, .der, .pem), CSCA master lists (.ml) and CRLs
    /// (.crl) that document signers are verified against, offline. Read at each chip read, so an updated folder needs no
    /// restart. Empty: <c>chip.signer.chain</c> fails and no chip capture is verified.
    /// </summary>
    public string CscaFolder { get; set; } = string.Empty;

    /// <summary>
    /// Whether BAC may open a chip that offers no PACE (older passports) or whose PACE fails for a reason other than a
    /// wrong key. Every fallback is recorded in the capture. Default false: fail closed.
    /// </summary>
    public bool AllowBac { get; set; }

    /// <summary>
    /// How long after a document's MRZ was read its key may open a chip placed on a reader; older MRZs belong to an earlier
    /// traveller. Default 2 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many check-digit-consistent alternatives of an OCR'd document number are tried when the chip refuses the key.
    /// Chips may slow down after refused attempts, so keep it small. Default 4; 0 disables.
    /// </summary>
    [Range(0, 16)]
    public int MaxKeyCorrections { get; set; } = 4;

    /// <summary>The longest a whole chip read may take before it is abandoned (a card that stops answering). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);
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

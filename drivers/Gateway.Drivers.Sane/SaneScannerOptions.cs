using System.ComponentModel.DataAnnotations;

namespace Gateway.Drivers.Sane;

/// <summary>The settings of a <c>sane-scanner</c> device.</summary>
public sealed class SaneScannerOptions
{
    /// <summary>
    /// The SANE device name, as <c>scanimage -L</c> lists it (e.g. <c>epson2:libusb:001:004</c>, <c>test:0</c>); empty
    /// takes the first scanner SANE finds. Default empty.
    /// </summary>
    public string DeviceName { get; set; } = string.Empty;

    /// <summary>Scan resolution in dpi; the scanner may round it (the image carries the resolution it used). Default 300.</summary>
    [Range(10, 2400)]
    public int Resolution { get; set; } = 300;

    /// <summary>
    /// <c>Color</c> or <c>Gray</c>, matched to the backend's own mode names (<c>Colour</c>, <c>Grayscale</c>, …).
    /// Default <c>Color</c>.
    /// </summary>
    [RegularExpression("^(Color|Gray)$", ErrorMessage = "must be Color or Gray")]
    public string Mode { get; set; } = "Color";

    /// <summary>
    /// <c>Flatbed</c> or <c>ADF</c> (automatic document feeder), matched to the backend's source names; empty leaves the
    /// scanner's default. Default empty.
    /// </summary>
    [RegularExpression("^(|Flatbed|ADF)$", ErrorMessage = "must be Flatbed, ADF or empty")]
    public string Source { get; set; } = string.Empty;

    /// <summary>Left edge of the scan area in mm from the glass's corner; null leaves the scanner's default.</summary>
    [Range(0, 1000)]
    public double? AreaLeft { get; set; }

    /// <summary>Top edge of the scan area in mm; null leaves the scanner's default.</summary>
    [Range(0, 1000)]
    public double? AreaTop { get; set; }

    /// <summary>Right edge of the scan area in mm (SANE's <c>br-x</c>); null leaves the scanner's default.</summary>
    [Range(0, 1000)]
    public double? AreaRight { get; set; }

    /// <summary>Bottom edge of the scan area in mm (SANE's <c>br-y</c>); null leaves the scanner's default.</summary>
    [Range(0, 1000)]
    public double? AreaBottom { get; set; }

    /// <summary>
    /// Further backend options by their SANE name (as <c>scanimage --help -d DEVICE</c> shows them), e.g.
    /// <c>{"lamp-switch": "yes"}</c>; numbers, <c>yes</c>/<c>no</c>, or a choice. Default none.
    /// </summary>
    public Dictionary<string, string> BackendOptions { get; set; } = [];

    /// <summary>
    /// A folder for SANE's configuration (<c>SANE_CONFIG_DIR</c>, set before SANE starts; the whole gateway process
    /// shares one SANE). Empty uses the system's <c>/etc/sane.d</c>. Default empty.
    /// </summary>
    public string ConfigDirectory { get; set; } = string.Empty;

    /// <summary>How long one scan may take, from start to the last byte. Default 2 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan ScanTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

using System.ComponentModel.DataAnnotations;

namespace Gateway.Drivers.Fingerprint.Folder;

/// <summary>The settings of a <c>fingerprint-folder</c> device.</summary>
public sealed class FingerFolderOptions
{
    /// <summary>
    /// The folder holding finger images as PNG files named by finger position: <c>right-index.png</c>,
    /// <c>0001_right-slap.png</c>, … (the name's last part after <c>_</c> or <c>-</c>-separated words is the position).
    /// Used files are moved to <c>done/</c>. Required.
    /// </summary>
    [Required]
    public string Folder { get; set; } = string.Empty;

    /// <summary>The images' resolution in pixels per inch. Default 500.</summary>
    [Range(250, 2000)]
    public int Ppi { get; set; } = 500;

    /// <summary>How long a capture waits for the image of a requested finger to appear. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CaptureTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the folder is looked at while waiting. Default 100 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}

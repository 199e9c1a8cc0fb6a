using System.ComponentModel.DataAnnotations;

namespace Gateway.Drivers.Sample;

/// <summary>The settings of an Acme DocuScan device (the <c>Settings</c> section of its device entry).</summary>
public sealed class DocuScanOptions
{
    /// <summary>The folder the DocuScan software writes one <c>.mrz</c> file per document into. Required.</summary>
    [Required]
    public string Folder { get; set; } = string.Empty;

    /// <summary>How often the folder is looked at. Default 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}

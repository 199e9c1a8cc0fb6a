using System.ComponentModel.DataAnnotations;

namespace Gateway.Host.Configuration;

/// <summary>The <c>Gateway:Journal</c> section: where captures are kept, encrypted, until their consumers acknowledge them.</summary>
internal sealed class JournalOptions
{
    /// <summary>
    /// Folder of the journal database (<c>captures.db</c> and its write-ahead log), relative to the gateway's folder.
    /// Default <c>data</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must name a folder")]
    public string Folder { get; set; } = "data";

    /// <summary>
    /// The key file holding the key-encryption key that wraps the journal's data keys; created (0600 on Linux, DPAPI
    /// on Windows) when missing. Relative to the gateway's folder. Default <c>data/journal.key</c>; put it on another
    /// volume than <see cref="Folder"/> where the booth PC allows it.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must name a file")]
    public string KeyFile { get; set; } = Path.Combine("data", "journal.key");

    /// <summary>
    /// Identities (from <c>Gateway:Security</c>) that must each acknowledge a capture before it is purged. Empty: the
    /// first acknowledgement by anyone purges it. Default empty.
    /// </summary>
    public List<string> Consumers { get; set; } = [];

    /// <summary>Unacknowledged captures older than this are purged, with a warning. Default 7 days.</summary>
    public TimeSpan RetainFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A new data key is made for new entries when the current one is older than this; old keys stay for reading. Default 30 days.</summary>
    public TimeSpan RotateKeyAfter { get; set; } = TimeSpan.FromDays(30);
}

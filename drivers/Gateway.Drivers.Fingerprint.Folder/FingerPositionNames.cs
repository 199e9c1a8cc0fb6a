namespace Gateway.Drivers.Fingerprint.Folder;

/// <summary>File-name words for ISO/IEC 19794-4 finger positions (<c>right-index</c>, <c>left-slap</c>, <c>thumbs</c>, …).</summary>
internal static class FingerPositionNames
{
    private static readonly Dictionary<string, FingerPosition> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["right-thumb"] = FingerPosition.RightThumb,
        ["right-index"] = FingerPosition.RightIndex,
        ["right-middle"] = FingerPosition.RightMiddle,
        ["right-ring"] = FingerPosition.RightRing,
        ["right-little"] = FingerPosition.RightLittle,
        ["left-thumb"] = FingerPosition.LeftThumb,
        ["left-index"] = FingerPosition.LeftIndex,
        ["left-middle"] = FingerPosition.LeftMiddle,
        ["left-ring"] = FingerPosition.LeftRing,
        ["left-little"] = FingerPosition.LeftLittle,
        ["right-slap"] = FingerPosition.PlainRightFourFingers,
        ["left-slap"] = FingerPosition.PlainLeftFourFingers,
        ["thumbs"] = FingerPosition.PlainThumbs,
    };

    /// <summary>The position a file is of: its name without extension, or the part after its last '_'.</summary>
    public static FingerPosition? Of(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var tail = name[(name.LastIndexOf('_') + 1)..];
        return ByName.TryGetValue(tail, out var position) ? position : null;
    }

    public static string NameOf(FingerPosition position) =>
        ByName.FirstOrDefault(p => p.Value == position).Key ?? position.ToString();
}

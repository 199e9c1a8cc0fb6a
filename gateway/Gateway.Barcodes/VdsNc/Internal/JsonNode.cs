using System.Text.Json;

namespace Gateway.Barcodes.VdsNc.Internal;

/// <summary>
/// A parsed JSON value with the byte position of its text, which <see cref="System.Text.Json.JsonDocument"/> does not
/// give: fields and issues of a VDS-NC point at the characters they come from.
/// </summary>
/// <param name="Kind">Object, array, string, number, true, false or null.</param>
/// <param name="Start">Byte offset of the value's raw text (for strings: after the opening quote).</param>
/// <param name="Length">Byte length of the raw text (for strings: the escaped content without quotes).</param>
internal sealed record JsonNode(JsonValueKind Kind, int Start, int Length)
{
    /// <summary>The unescaped string, or the number exactly as written.</summary>
    public string Text { get; init; } = "";

    /// <summary>Members of an object, in document order (names unique).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode>> Properties { get; init; } = [];

    /// <summary>Items of an array, in order.</summary>
    public IReadOnlyList<JsonNode> Items { get; init; } = [];

    public JsonNode? Get(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Key == name)
            {
                return property.Value;
            }
        }

        return null;
    }
}

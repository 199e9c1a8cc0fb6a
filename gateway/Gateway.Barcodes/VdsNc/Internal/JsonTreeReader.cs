using System.Text.Json;

namespace Gateway.Barcodes.VdsNc.Internal;

/// <summary>
/// Reads UTF-8 JSON into <see cref="JsonNode"/>s with <see cref="Utf8JsonReader"/>: no comments, no trailing commas,
/// nesting up to 64, and — as RFC 8785 requires of signed JSON (I-JSON) — no duplicate member names. Malformed input
/// gives null with the byte offset and a sentence, never an exception.
/// </summary>
internal static class JsonTreeReader
{
    private const int MaxDepth = 64;

    public static JsonNode? Read(ReadOnlySpan<byte> utf8, out int errorOffset, out string error)
    {
        errorOffset = 0;
        error = "";
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read())
            {
                error = "The payload holds no JSON value.";
                return null;
            }

            var root = ReadValue(ref reader, utf8, out errorOffset, out error);
            if (root is not null && reader.Read())
            {
                (errorOffset, error) = ((int)reader.TokenStartIndex, "Data follows the JSON value.");
                return null;
            }

            return root;
        }
        catch (JsonException e)
        {
            errorOffset = Offset(utf8, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            error = $"Malformed JSON: {FirstSentence(e.Message)}";
            return null;
        }
    }

    private static JsonNode? ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, out int errorOffset, out string error)
    {
        errorOffset = 0;
        error = "";
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<KeyValuePair<string, JsonNode>>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var nameOffset = (int)reader.TokenStartIndex;
                    if (!TryString(ref reader, out var name, out error))
                    {
                        errorOffset = nameOffset;
                        return null;
                    }

                    if (properties.Exists(p => p.Key == name))
                    {
                        (errorOffset, error) = (nameOffset, "A member name appears twice in one object; signed JSON (RFC 8785) forbids that.");
                        return null;
                    }

                    reader.Read();
                    var value = ReadValue(ref reader, utf8, out errorOffset, out error);
                    if (value is null)
                    {
                        return null;
                    }

                    properties.Add(new(name, value));
                }

                return new JsonNode(JsonValueKind.Object, start, (int)reader.TokenStartIndex + 1 - start) { Properties = properties };
            case JsonTokenType.StartArray:
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var item = ReadValue(ref reader, utf8, out errorOffset, out error);
                    if (item is null)
                    {
                        return null;
                    }

                    items.Add(item);
                }

                return new JsonNode(JsonValueKind.Array, start, (int)reader.TokenStartIndex + 1 - start) { Items = items };
            case JsonTokenType.String:
                if (!TryString(ref reader, out var text, out error))
                {
                    errorOffset = start;
                    return null;
                }

                return new JsonNode(JsonValueKind.String, start + 1, reader.ValueSpan.Length) { Text = text };
            case JsonTokenType.Number:
                return new JsonNode(JsonValueKind.Number, start, reader.ValueSpan.Length)
                {
                    Text = System.Text.Encoding.ASCII.GetString(reader.ValueSpan),
                };
            default:
                var kind = reader.TokenType switch
                {
                    JsonTokenType.True => JsonValueKind.True,
                    JsonTokenType.False => JsonValueKind.False,
                    _ => JsonValueKind.Null,
                };
                return new JsonNode(kind, start, reader.ValueSpan.Length);
        }
    }

    /// <summary>Unescapes a string; escapes that make no text (a lone surrogate) are malformed.</summary>
    private static bool TryString(ref Utf8JsonReader reader, out string text, out string error)
    {
        error = "";
        try
        {
            text = reader.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            error = "A string holds an escape that is not text (e.g. a lone surrogate).";
            return false;
        }
    }

    private static int Offset(ReadOnlySpan<byte> utf8, long line, long position)
    {
        var offset = 0;
        for (var i = 0L; i < line; i++)
        {
            var next = utf8[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
        }

        return (int)Math.Min(offset + position, utf8.Length);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}

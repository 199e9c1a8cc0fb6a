using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gateway.Barcodes.VdsNc.Internal;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: no whitespace, object members sorted by their names' UTF-16 code units,
/// numbers as ECMAScript writes them, strings with only the escapes JSON requires (<c>\"</c>, <c>\\</c>, <c>\b</c>,
/// <c>\f</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>, other controls as lowercase <c>\u00xx</c>), everything else as UTF-8.
/// </summary>
internal static class JsonCanonicalizer
{
    /// <summary>The canonical UTF-8 bytes, or null with a reason when a number is out of double range.</summary>
    public static byte[]? Canonicalize(JsonNode node, out string error)
    {
        error = "";
        var output = new StringBuilder();
        if (!Write(node, output, ref error))
        {
            return null;
        }

        return Encoding.UTF8.GetBytes(output.ToString());
    }

    private static bool Write(JsonNode node, StringBuilder output, ref string error)
    {
        switch (node.Kind)
        {
            case JsonValueKind.Object:
                output.Append('{');
                var first = true;
                foreach (var property in node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    output.Append(first ? "" : ",");
                    first = false;
                    WriteString(property.Key, output);
                    output.Append(':');
                    if (!Write(property.Value, output, ref error))
                    {
                        return false;
                    }
                }

                output.Append('}');
                return true;
            case JsonValueKind.Array:
                output.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    output.Append(i == 0 ? "" : ",");
                    if (!Write(node.Items[i], output, ref error))
                    {
                        return false;
                    }
                }

                output.Append(']');
                return true;
            case JsonValueKind.String:
                WriteString(node.Text, output);
                return true;
            case JsonValueKind.Number:
                var value = double.Parse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (!double.IsFinite(value))
                {
                    error = $"The number {node.Text} is beyond the range of IEEE 754 doubles, which RFC 8785 requires.";
                    return false;
                }

                output.Append(EcmaNumber.Format(value));
                return true;
            default:
                output.Append(node.Kind switch { JsonValueKind.True => "true", JsonValueKind.False => "false", _ => "null" });
                return true;
        }
    }

    private static void WriteString(string text, StringBuilder output)
    {
        output.Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => output.Append("\\\""),
                '\\' => output.Append("\\\\"),
                '\b' => output.Append("\\b"),
                '\f' => output.Append("\\f"),
                '\n' => output.Append("\\n"),
                '\r' => output.Append("\\r"),
                '\t' => output.Append("\\t"),
                < ' ' => output.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => output.Append(c),
            };
        }

        output.Append('"');
    }
}

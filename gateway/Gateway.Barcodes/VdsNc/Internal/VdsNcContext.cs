using System.Text;
using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.VdsNc.Internal;

/// <summary>
/// The seal's UTF-8 bytes and the result being built. Positions are read as byte offsets and reported as the caller's
/// offsets: characters for string input, bytes for byte input. <paramref name="input"/> is the UTF-8 as received (for the
/// character offsets); <paramref name="utf8"/> the same length of bytes as read (a byte-order mark blanked).
/// </summary>
internal sealed class VdsNcContext(byte[] utf8, byte[] input, bool textInput, ResultBuilder result)
{
    private int[]? _characterOffsets;

    public byte[] Utf8 => utf8;

    public ResultBuilder Result => result;

    public int Offset(int byteOffset)
    {
        byteOffset = Math.Clamp(byteOffset, 0, utf8.Length);
        return textInput ? (_characterOffsets ??= CharacterOffsets(input))[byteOffset] : byteOffset;
    }

    public void Field(string group, string name, JsonNode node, string code, string value) =>
        result.Field(group, name, Encoding.UTF8.GetString(utf8, node.Start, node.Length), code, Offset(node.Start), value);

    /// <summary>For every byte offset, the UTF-16 offset of the character it belongs to (4-byte sequences are two chars).</summary>
    private static int[] CharacterOffsets(byte[] bytes)
    {
        var map = new int[bytes.Length + 1];
        int character = 0, width = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if ((bytes[i] & 0xC0) != 0x80)
            {
                character += width;
                width = bytes[i] >= 0xF0 ? 2 : 1;
            }

            map[i] = character;
        }

        map[bytes.Length] = character + width;
        return map;
    }
}

using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Vds.Internal;

/// <summary>The seal bytes and the result being built, shared by the VDS zone readers.</summary>
internal sealed class VdsContext(byte[] data, ResultBuilder result)
{
    public byte[] Data => data;

    public ResultBuilder Result => result;

    public int Length => data.Length;

    /// <summary>
    /// Adds a field whose <see cref="PayloadField.Raw"/> is its bytes one to one as Latin-1, like the other parsers' byte
    /// input, so offset and raw length always mark the bytes concerned; the decoded form is the value.
    /// </summary>
    public void Field(string group, string name, int start, int length, string code, string value) =>
        result.Field(group, name, PayloadText.FromBytes(data.AsSpan(start, length)), code, start, value);

    public string Hex(int start, int length) => Convert.ToHexString(data, start, length);
}

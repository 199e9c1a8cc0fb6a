namespace Gateway.Emrtd.Internal;

/// <summary>An ISO 7816-4 command APDU. <see cref="Ne"/> is the expected response length (0: none, 256/65536: maximum).</summary>
internal sealed record CommandApdu(byte Cla, byte Ins, byte P1, byte P2, byte[] Data, int Ne)
{
    public CommandApdu(byte cla, byte ins, byte p1, byte p2)
        : this(cla, ins, p1, p2, [], 0)
    {
    }

    public bool NeedsExtended => Data.Length > 255 || Ne > 256;

    public byte[] Encode(bool extended = false)
    {
        extended |= NeedsExtended;
        var output = new List<byte>(Data.Length + 9) { Cla, Ins, P1, P2 };
        if (Data.Length > 0)
        {
            if (extended)
            {
                output.AddRange([0, (byte)(Data.Length >> 8), (byte)Data.Length]);
            }
            else
            {
                output.Add((byte)Data.Length);
            }

            output.AddRange(Data);
        }

        if (Ne > 0)
        {
            if (extended)
            {
                if (Data.Length == 0)
                {
                    output.Add(0);
                }

                output.AddRange([(byte)(Ne >> 8), (byte)Ne]);
            }
            else
            {
                output.Add((byte)Ne);
            }
        }

        return [.. output];
    }

    /// <summary>Parses a command (card side); null when it is not a well-formed short or extended APDU.</summary>
    public static CommandApdu? Parse(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < 4)
        {
            return null;
        }

        var body = apdu[4..];
        byte[] data = [];
        var ne = 0;
        if (body.Length == 0)
        {
        }
        else if (body.Length == 1)
        {
            ne = body[0] == 0 ? 256 : body[0];
        }
        else if (body[0] != 0)
        {
            var lc = body[0];
            if (body.Length < 1 + lc || body.Length > 2 + lc)
            {
                return null;
            }

            data = body.Slice(1, lc).ToArray();
            if (body.Length == 2 + lc)
            {
                ne = body[1 + lc] == 0 ? 256 : body[1 + lc];
            }
        }
        else if (body.Length == 3)
        {
            ne = body[1] << 8 | body[2];
            ne = ne == 0 ? 65536 : ne;
        }
        else
        {
            var lc = body[1] << 8 | body[2];
            if (body.Length < 3 + lc || (body.Length != 3 + lc && body.Length != 5 + lc))
            {
                return null;
            }

            data = body.Slice(3, lc).ToArray();
            if (body.Length == 5 + lc)
            {
                ne = body[3 + lc] << 8 | body[4 + lc];
                ne = ne == 0 ? 65536 : ne;
            }
        }

        return new CommandApdu(apdu[0], apdu[1], apdu[2], apdu[3], data, ne);
    }
}

/// <summary>A response APDU: data and status word.</summary>
internal readonly record struct ResponseApdu(byte[] Data, ushort StatusWord)
{
    public bool IsSuccess => StatusWord == 0x9000;

    public static ResponseApdu Parse(ReadOnlySpan<byte> response) => response.Length < 2
        ? throw new ChipException(ChipErrorKind.Malformed, "The response is shorter than a status word.")
        : new ResponseApdu(response[..^2].ToArray(), (ushort)(response[^2] << 8 | response[^1]));

    public byte[] Encode() => [.. Data, (byte)(StatusWord >> 8), (byte)StatusWord];
}

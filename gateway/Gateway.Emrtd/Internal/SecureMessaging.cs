using System.Security.Cryptography;
using Gateway.Emrtd.Internal.Crypto;

namespace Gateway.Emrtd.Internal;

/// <summary>
/// Secure messaging (Doc 9303 Part 11 §9.8, ISO 7816-4): the send sequence counter and the DO'87' (encrypted data),
/// DO'97' (Le), DO'99' (status word) and DO'8E' (MAC) objects, for both sides: the terminal protects commands and checks
/// responses; the card (the virtual chip) does the reverse. Every message, either way, first increments the counter.
/// </summary>
internal sealed class SecureMessaging
{
    private readonly SmCipher _cipher;
    private readonly byte[] _ssc;

    public SecureMessaging(SmCipher cipher, byte[] ssc)
    {
        _cipher = cipher;
        _ssc = ssc;
    }

    public CipherKind Kind => _cipher.Kind;

    /// <summary>The current send sequence counter (for tests against the worked examples).</summary>
    public ReadOnlySpan<byte> Ssc => _ssc;

    public byte[] ProtectCommand(CommandApdu command, bool extended)
    {
        Increment();
        var header = new byte[] { (byte)(command.Cla | 0x0C), command.Ins, command.P1, command.P2 };
        var do87 = command.Data.Length > 0 ? EncryptedObject(command.Data) : [];
        byte[] do97 = command.Ne switch
        {
            0 => [],
            > 256 or 65536 => [0x97, 0x02, (byte)(command.Ne >> 8), (byte)command.Ne],
            _ => [0x97, 0x01, (byte)command.Ne],
        };
        var mac = _cipher.Mac(Iso9797.Pad([.. _ssc, .. Iso9797.Pad(header, _cipher.BlockSize), .. do87, .. do97], _cipher.BlockSize));
        byte[] body = [.. do87, .. do97, 0x8E, 0x08, .. mac];
        var ne = command.Ne > 256 || extended && command.Ne > 0 ? 65536 : 256;
        return new CommandApdu(header[0], header[1], header[2], header[3], body, ne).Encode(extended || body.Length > 255);
    }

    public ResponseApdu UnprotectResponse(ReadOnlySpan<byte> response)
    {
        Increment();
        var plain = ResponseApdu.Parse(response);
        if (plain.Data.Length == 0 && !plain.IsSuccess)
        {
            // A chip answers errors it finds before checking the MAC (or secure messaging errors) without DO'8E'.
            return plain;
        }

        var data = plain.Data;
        var position = 0;
        var macInputEnd = 0;
        byte[]? encrypted = null;
        ushort? sw = null;
        byte[]? mac = null;
        while (position < data.Length)
        {
            if (!Tlv.TryRead(data, ref position, out var tag, out var valueStart, out var length))
            {
                throw new ChipException(ChipErrorKind.SecureMessaging, "The protected response does not parse.");
            }

            switch (tag)
            {
                case 0x87 when length > 1 && data[valueStart] == 0x01:
                    encrypted = data.AsSpan(valueStart + 1, length - 1).ToArray();
                    macInputEnd = position;
                    break;
                case 0x99 when length == 2:
                    sw = (ushort)(data[valueStart] << 8 | data[valueStart + 1]);
                    macInputEnd = position;
                    break;
                case 0x8E when length == 8:
                    mac = data.AsSpan(valueStart, 8).ToArray();
                    break;
                default:
                    throw new ChipException(ChipErrorKind.SecureMessaging, $"Unexpected object {tag:X2} in a protected response.");
            }
        }

        if (mac is null || sw is null)
        {
            throw new ChipException(ChipErrorKind.SecureMessaging, "The protected response lacks its status or MAC object.");
        }

        var expected = _cipher.Mac(Iso9797.Pad([.. _ssc, .. data.AsSpan(0, macInputEnd)], _cipher.BlockSize));
        if (!CryptographicOperations.FixedTimeEquals(expected, mac))
        {
            throw new ChipException(ChipErrorKind.SecureMessaging, "The protected response's MAC is wrong.");
        }

        byte[] payload = [];
        if (encrypted is not null)
        {
            payload = Iso9797.Unpad(_cipher.Decrypt(_ssc, encrypted))
                ?? throw new ChipException(ChipErrorKind.SecureMessaging, "The protected response's data is not padded.");
        }

        return new ResponseApdu(payload, sw.Value);
    }

    /// <summary>Card side: checks and decrypts a protected command; null when its MAC or structure is wrong.</summary>
    public CommandApdu? UnprotectCommand(CommandApdu command)
    {
        Increment();
        var data = command.Data;
        var position = 0;
        var macInputEnd = 0;
        byte[] plain = [];
        var ne = 0;
        byte[]? mac = null;
        while (position < data.Length)
        {
            if (!Tlv.TryRead(data, ref position, out var tag, out var valueStart, out var length))
            {
                return null;
            }

            var value = data.AsSpan(valueStart, length);
            switch (tag)
            {
                case 0x87 when length > 1 && value[0] == 0x01:
                    plain = Iso9797.Unpad(_cipher.Decrypt(_ssc, value[1..])) ?? [];
                    macInputEnd = position;
                    break;
                case 0x97:
                    ne = ExpectedLength(value);
                    macInputEnd = position;
                    break;
                case 0x8E when length == 8:
                    mac = value.ToArray();
                    break;
                default:
                    return null;
            }
        }

        var header = new byte[] { command.Cla, command.Ins, command.P1, command.P2 };
        var expected = _cipher.Mac(Iso9797.Pad([.. _ssc, .. Iso9797.Pad(header, _cipher.BlockSize), .. data.AsSpan(0, macInputEnd)], _cipher.BlockSize));
        return mac is not null && CryptographicOperations.FixedTimeEquals(expected, mac)
            ? new CommandApdu((byte)(command.Cla & ~0x0C), command.Ins, command.P1, command.P2, plain, ne)
            : null;
    }

    /// <summary>Card side: protects a response.</summary>
    public byte[] ProtectResponse(ReadOnlySpan<byte> payload, ushort sw)
    {
        Increment();
        var do87 = payload.Length > 0 ? EncryptedObject(payload) : [];
        byte[] do99 = [0x99, 0x02, (byte)(sw >> 8), (byte)sw];
        var mac = _cipher.Mac(Iso9797.Pad([.. _ssc, .. do87, .. do99], _cipher.BlockSize));
        return [.. do87, .. do99, 0x8E, 0x08, .. mac, (byte)(sw >> 8), (byte)sw];
    }

    private static int ExpectedLength(ReadOnlySpan<byte> le) => le.Length switch
    {
        1 => le[0] == 0 ? 256 : le[0],
        2 => (le[0] << 8 | le[1]) is var n && n == 0 ? 65536 : n,
        _ => 0,
    };

    private byte[] EncryptedObject(ReadOnlySpan<byte> data)
    {
        var encrypted = _cipher.Encrypt(_ssc, Iso9797.Pad(data, _cipher.BlockSize));
        return Tlv.Encode(0x87, [0x01, .. encrypted]);
    }

    private void Increment()
    {
        for (var i = _ssc.Length - 1; i >= 0; i--)
        {
            if (++_ssc[i] != 0)
            {
                break;
            }
        }
    }
}

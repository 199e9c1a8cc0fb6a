using System.Numerics;
using System.Security.Cryptography;
using Gateway.Emrtd.Internal.Crypto;

namespace Gateway.Emrtd.Internal;

/// <summary>
/// PACE with ECDH Generic Mapping, terminal side (Doc 9303 Part 11 §4.4): MSE:Set AT, then four GENERAL AUTHENTICATE
/// steps — encrypted nonce, mapping (G~ = s·G + H), key agreement on G~, and the exchange of authentication tokens.
/// </summary>
internal static class Pace
{
    /// <summary>
    /// Runs PACE; <paramref name="scalars"/> fixes the terminal's two private keys for the worked example. The domain
    /// parameter id is sent only when EF.CardAccess offers several for the protocol, as Part 11 §4.4.4.1 asks.
    /// </summary>
    public static async Task<SecureMessaging> AuthenticateAsync(CardSession session, AccessKey key, PaceInfo info, CancellationToken cancellationToken,
        Func<BigInteger>? scalars = null, bool sendParameterId = false)
    {
        var algorithm = info.Algorithm;
        if (!algorithm.IsSupported || PaceAlgorithm.StandardCurve(info.ParameterId ?? -1) is not { } named)
        {
            throw new ChipException(ChipErrorKind.NotSupported, $"PACE {info.Oid} with parameters {info.ParameterId} is not supported (ECDH generic mapping on a standard curve is).");
        }

        var curve = EcCurve.FromNamed(named);
        scalars ??= curve.RandomScalar;

        byte[] setAt = [.. Tlv.Encode(0x80, algorithm.OidContent()), 0x83, 0x01, key.PacePasswordReference, .. sendParameterId && info.ParameterId is { } id ? new byte[] { 0x84, 0x01, (byte)id } : []];
        var mse = await session.SendAsync(new CommandApdu(0x00, 0x22, 0xC1, 0xA4, setAt, 0), cancellationToken).ConfigureAwait(false);
        if (!mse.IsSuccess)
        {
            throw StatusWords.ToException(mse.StatusWord, "PACE MSE:Set AT");
        }

        // Step 1: the encrypted nonce.
        var z = await StepAsync(session, 0x10, [], 0x80, cancellationToken).ConfigureAwait(false);
        var kPi = key.PacePasswordKey(algorithm.Cipher);
        var s = algorithm.Cipher == CipherKind.TripleDes
            ? BlockCiphers.TripleDesCbc(kPi, z, encrypt: false)
            : BlockCiphers.AesCbc(kPi, new byte[16], z, encrypt: false);

        // Step 2: mapping.
        var mapKey = scalars();
        var mapPublic = curve.Multiply(mapKey, curve.G);
        var chipMap = Point(curve, await StepAsync(session, 0x10, Tlv.Encode(0x81, curve.Encode(mapPublic)), 0x82, cancellationToken).ConfigureAwait(false));
        var h = curve.Multiply(mapKey, chipMap);
        var mapped = curve.Add(curve.Multiply(EcCurve.ToInt(s), curve.G), h);

        // Step 3: key agreement on the mapped generator.
        var ephemeralKey = scalars();
        var ephemeralPublic = curve.Multiply(ephemeralKey, mapped);
        var chipEphemeralEncoded = await StepAsync(session, 0x10, Tlv.Encode(0x83, curve.Encode(ephemeralPublic)), 0x84, cancellationToken).ConfigureAwait(false);
        var chipEphemeral = Point(curve, chipEphemeralEncoded);
        if (chipEphemeral == ephemeralPublic)
        {
            throw new ChipException(ChipErrorKind.AccessDenied, "PACE: the chip echoed the terminal's ephemeral key.");
        }

        var shared = curve.Multiply(ephemeralKey, chipEphemeral);
        var cipher = SmCipher.FromSecret(algorithm.Cipher, curve.ToBytes(shared.X));

        // Step 4: mutual authentication tokens over the other side's ephemeral key.
        var terminalToken = cipher.TokenMac(TokenInput(algorithm, curve.Encode(chipEphemeral)));
        var chipToken = await StepAsync(session, 0x00, Tlv.Encode(0x85, terminalToken), 0x86, cancellationToken).ConfigureAwait(false);
        if (!CryptographicOperations.FixedTimeEquals(chipToken, cipher.TokenMac(TokenInput(algorithm, curve.Encode(ephemeralPublic)))))
        {
            throw new ChipException(ChipErrorKind.AccessDenied, "PACE: the chip's authentication token does not verify.");
        }

        return new SecureMessaging(cipher, new byte[cipher.BlockSize]);
    }

    /// <summary>The authentication token input: public key data object 7F49 { 06 OID, 86 point } (Part 11 §4.4.3.4).</summary>
    public static byte[] TokenInput(PaceAlgorithm algorithm, byte[] encodedPoint) =>
        Tlv.Encode(0x7F49, [.. algorithm.OidTlv(), .. Tlv.Encode(0x86, encodedPoint)]);

    private static EcPoint Point(EcCurve curve, byte[] encoded) => curve.Decode(encoded)
        ?? throw new ChipException(ChipErrorKind.AccessDenied, "PACE: the chip sent a point that is not on the curve.");

    private static async Task<byte[]> StepAsync(CardSession session, byte cla, byte[] data, int expectedTag, CancellationToken cancellationToken)
    {
        var response = await session.SendAsync(new CommandApdu(cla, 0x86, 0x00, 0x00, Tlv.Encode(0x7C, data), 256), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw new ChipException(ChipErrorKind.AccessDenied, $"PACE GENERAL AUTHENTICATE refused ({response.StatusWord:X4}).", response.StatusWord);
        }

        return DynamicObject(response.Data, expectedTag);
    }

    /// <summary>
    /// The object <paramref name="tag"/> inside the response's dynamic authentication data (7C). Apart from the
    /// asynchronous step: a span may not live in an async method's state machine, which debug builds keep every local in.
    /// </summary>
    private static byte[] DynamicObject(ReadOnlySpan<byte> data, int tag)
    {
        if (!Tlv.TryFind(data, 0x7C, out var dynamic) || !Tlv.TryFind(dynamic, tag, out var value))
        {
            throw new ChipException(ChipErrorKind.Malformed, $"PACE GENERAL AUTHENTICATE: object {tag:X2} missing.");
        }

        return value.ToArray();
    }
}

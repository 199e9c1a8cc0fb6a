using Gateway.Contracts.V1;

namespace Gateway.Host.Captures;

/// <summary>
/// A verification step every capture passes before it is published (MRZ check digits, barcode signatures, quality
/// gates). A verifier adds checks and may fill parsed fields; it never throws on bad data.
/// </summary>
internal interface ICaptureVerifier
{
    void Verify(Capture capture);
}

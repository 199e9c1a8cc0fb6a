using System.ComponentModel.DataAnnotations;
using Gateway.Drivers.Simulated.Internal;
using Gateway.Mrz;

namespace Gateway.Drivers.Simulated;

/// <summary>Settings of the <c>simulated-document</c> driver.</summary>
public sealed class SimulatedDocumentReaderOptions : SimulatedDeviceOptions
{
    /// <summary>Share of documents that are TD1 identity cards, the rest TD3 passports (0–1). Default 0.25.</summary>
    [Range(0.0, 1.0)]
    public double IdCardShare { get; set; } = 0.25;
}

/// <summary>A swipe reader that reads generated specimen passports and ID cards of Utopia (UTO).</summary>
public sealed class SimulatedDocumentReader(string deviceId, SimulatedDocumentReaderOptions options)
    : SimulatedDevice(deviceId, options), IDocumentReader
{
    /// <inheritdoc />
    public override IReadOnlyList<CaptureKind> TriggerKinds { get; } = [CaptureKind.Document];

    /// <inheritdoc />
    protected override DeviceIdentity Identity => new("Simulated", "Specimen document reader", DeviceId, "1.0");

    /// <inheritdoc />
    protected override CapturePayload Make(CaptureKind kind, DateOnly today)
    {
        var traveller = SpecimenTravellers.Next(Random, today);
        var card = Random.NextDouble() < options.IdCardShare;
        var mrz = MrzGenerator.Generate(new MrzData
        {
            Format = card ? MrzFormat.Td1 : MrzFormat.Td3,
            DocumentCode = card ? "I" : "P",
            IssuingState = SpecimenTravellers.State,
            Nationality = SpecimenTravellers.State,
            Surname = traveller.Surname,
            GivenNames = traveller.GivenNames,
            DocumentNumber = traveller.DocumentNumber,
            DateOfBirth = traveller.BirthDate,
            DateOfExpiry = traveller.ExpiryDate,
            Sex = traveller.Sex == 'F' ? MrzSex.Female : MrzSex.Male,
        });
        SimulatedDesk.Read(mrz);
        return new DocumentPayload(mrz.Split('\n'));
    }
}

/// <summary>Makes <see cref="SimulatedDocumentReader"/>s: driver name <c>simulated-document</c>.</summary>
public sealed class SimulatedDocumentReaderFactory : DriverFactory<SimulatedDocumentReaderOptions>
{
    /// <inheritdoc />
    public override string Name => "simulated-document";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.DocumentReader;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, SimulatedDocumentReaderOptions options) =>
        new SimulatedDocumentReader(deviceId, options);
}

using Gateway.Contracts.V1;
using Gateway.Host.Devices;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Gateway.Host.Grpc;

/// <summary><c>gateway.v1.DeviceService</c>: the device list and its state changes.</summary>
internal sealed class DeviceGrpcService(DeviceRegistry registry, DeviceEventHub events, DriverCatalog drivers, TimeProvider time)
    : DeviceService.DeviceServiceBase
{
    public override Task<Device> EnableDevice(EnableDeviceRequest request, ServerCallContext context) =>
        Task.FromResult(registry.Get(request.DeviceId).Enable());

    public override Task<ListDriversResponse> ListDrivers(ListDriversRequest request, ServerCallContext context)
    {
        var response = new ListDriversResponse();
        foreach (var package in drivers.Packages.All)
        {
            var message = new DriverPackage
            {
                Id = package.Id,
                Version = package.Manifest?.Version ?? string.Empty,
                Contract = (uint)Math.Max(0, package.Manifest?.Contract ?? 0),
                Folder = package.Folder,
                State = package.Loaded ? DriverPackageState.Loaded : DriverPackageState.Malfunctioned,
                ReasonCode = package.ReasonCode,
                Reason = package.Reason,
            };
            message.Provides.AddRange(package.Provides.Select(p => new ProvidedDriver { Name = p.Name, DeviceClass = (DeviceClass)p.DeviceClass }));
            response.Drivers.Add(message);
        }

        return Task.FromResult(response);
    }

    public override Task<ListDevicesResponse> ListDevices(ListDevicesRequest request, ServerCallContext context)
    {
        var response = new ListDevicesResponse();
        response.Devices.AddRange(registry.Devices.Select(d => d.Snapshot()));
        return Task.FromResult(response);
    }

    public override Task<Device> GetDevice(GetDeviceRequest request, ServerCallContext context) =>
        Task.FromResult(registry.Get(request.DeviceId).Snapshot());

    public override async Task WatchDevices(WatchDevicesRequest request, IServerStreamWriter<DeviceEvent> responseStream, ServerCallContext context)
    {
        var watched = string.IsNullOrEmpty(request.DeviceId) ? registry.Devices : [registry.Get(request.DeviceId)];

        // Watch before taking the snapshot, so no change falls between the two (a repeated state is harmless).
        var live = events.Watch(context.CancellationToken);
        foreach (var device in watched)
        {
            var snapshot = device.Snapshot();
            await responseStream.WriteAsync(new DeviceEvent
            {
                DeviceId = snapshot.Id,
                Time = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
                StateChanged = new DeviceStateChanged { Device = snapshot },
            });
        }

        await foreach (var deviceEvent in live.ReadAllAsync(context.CancellationToken))
        {
            if (watched.Count == registry.Devices.Count || string.Equals(deviceEvent.DeviceId, request.DeviceId, StringComparison.OrdinalIgnoreCase))
            {
                await responseStream.WriteAsync(deviceEvent);
            }
        }
    }
}

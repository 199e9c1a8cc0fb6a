using System.Globalization;
using Gateway.Contracts.V1;
using Gateway.Drivers;
using Gateway.Host.Captures;
using Gateway.Host.Devices;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using CheckOutcome = Gateway.Contracts.V1.CheckOutcome;

namespace Gateway.Host.Diagnostics;

/// <summary>
/// Runs the technician's health checks: the driver's own (<see cref="IHealthCheckable"/>) where it has one for the
/// level, the gateway's default otherwise. Every check is bounded by a timeout; one that does not finish in time, or
/// that throws, is a failed result, never an error of the call.
/// </summary>
internal sealed class HealthChecker(
    DeviceRegistry registry,
    CaptureHub hub,
    DiagnosticsTexts texts,
    IOptions<DiagnosticsOptions> options,
    TimeProvider time)
{
    private sealed record Outcome(HealthOutcome Result, string Code, string Message, IReadOnlyDictionary<string, string>? Details = null);

    /// <summary>
    /// Checks <paramref name="deviceId"/> at <paramref name="level"/> within <paramref name="timeout"/> (or the configured
    /// one); the result's text in <paramref name="language"/>, or the gateway's.
    /// </summary>
    /// <exception cref="DeviceNotFoundException">No device has that id.</exception>
    public async Task<HealthResult> CheckAsync(string deviceId, HealthLevel level, TimeSpan? timeout, CancellationToken cancellationToken, string? language = null)
    {
        var text = texts.In(language);
        var device = registry.Get(deviceId);
        var limit = timeout is { } t && t > TimeSpan.Zero
            ? t
            : level == HealthLevel.Interactive ? options.Value.InteractiveTimeout : options.Value.CheckTimeout;
        var started = time.GetTimestamp();
        using var bounded = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(bounded.Token, cancellationToken);
        Outcome outcome;
        try
        {
            // WaitAsync as well as the token: a check that ignores cancellation is still reported on time.
            outcome = await RunAsync(device, level, text, linked.Token).WaitAsync(limit, time, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            outcome = new Outcome(HealthOutcome.Failed, "health.timeout", text.Format("Health_Timeout", limit.TotalSeconds));
        }
        catch (DeviceException ex)
        {
            outcome = new Outcome(HealthOutcome.Failed, ex.Code, text.Format("Health_DriverFailed", ex.Message));
        }
        catch (DevicePreconditionException ex)
        {
            outcome = new Outcome(HealthOutcome.Failed, "health.capture_failed", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = new Outcome(HealthOutcome.Failed, "health.check_failed", text.Format("Health_CheckFailed", ex.Message));
        }

        var result = new HealthResult
        {
            DeviceId = device.DeviceId,
            Level = level,
            Outcome = outcome.Result,
            Code = outcome.Code,
            Message = outcome.Message,
            Duration = Duration.FromTimeSpan(time.GetElapsedTime(started)),
            CheckedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
        };
        var snapshot = device.Snapshot();
        result.Details["driver"] = device.DriverName;
        result.Details["state"] = snapshot.State.ToString().ToUpperInvariant();
        result.Details["restarts"] = snapshot.Restarts.ToString(CultureInfo.InvariantCulture);
        if (outcome.Details is not null)
        {
            result.Details.Add(outcome.Details.Where(d => !result.Details.ContainsKey(d.Key)).ToDictionary());
        }

        return result;
    }

    private async Task<Outcome> RunAsync(DeviceSupervisor device, HealthLevel level, DiagnosticsTexts t, CancellationToken cancellationToken)
    {
        var snapshot = device.Snapshot();
        if (snapshot.State is not (Contracts.V1.DeviceState.Ready or Contracts.V1.DeviceState.Busy))
        {
            var state = snapshot.State.ToString().ToUpperInvariant();
            return new Outcome(HealthOutcome.Failed, "health.device_" + state.ToLowerInvariant(), t.Format("Health_NotReady", state, snapshot.Reason));
        }

        // An internal check does no device I/O, so it runs beside captures (and beside a stuck external check).
        var driverLevel = (HealthCheckLevel)(int)level;
        var own = await device.WithDriverAsync(
            driver => driver is IHealthCheckable checkable ? checkable.CheckHealthAsync(driverLevel, cancellationToken) : Task.FromResult<HealthCheckResult?>(null),
            null,
            exclusive: level != HealthLevel.Internal,
            cancellationToken);
        if (own is not null)
        {
            return new Outcome(
                own.Passed ? HealthOutcome.Passed : HealthOutcome.Failed,
                own.Code,
                t.Format(own.Passed ? "Health_DriverPassed" : "Health_DriverFailed", own.Detail),
                own.Details);
        }

        return level switch
        {
            HealthLevel.Internal => new Outcome(HealthOutcome.Passed, "health.ok", t.Format("Health_Ok_Internal")),
            HealthLevel.External => await ExternalAsync(device, t, cancellationToken),
            _ => await InteractiveAsync(device, t, cancellationToken),
        };
    }

    /// <summary>The default external check: a capture the device makes on command, kept from everyone else.</summary>
    private static async Task<Outcome> ExternalAsync(DeviceSupervisor device, DiagnosticsTexts t, CancellationToken cancellationToken)
    {
        var data = await device.WithDriverAsync(
            async driver => driver is ITriggerableDevice triggerable
                ? await triggerable.CaptureAsync(triggerable.TriggerKinds[0], cancellationToken)
                : null,
            null,
            exclusive: true,
            cancellationToken);
        if (data is null)
        {
            return new Outcome(HealthOutcome.NotSupported, "health.not_supported", t.Format("Health_NotSupported_External"));
        }

        var details = new Dictionary<string, string> { ["kind"] = data.Payload.Kind.ToString() };
        var description = data.Payload.Kind.ToString();
        if (Images(data.Payload).FirstOrDefault() is { } image)
        {
            details["image"] = string.Create(CultureInfo.InvariantCulture, $"{image.Width}x{image.Height} {image.Format}");
            details["image_bytes"] = image.Data.Length.ToString(CultureInfo.InvariantCulture);
            description = details["image"];
        }
        else if (data.Payload is DocumentPayload document)
        {
            details["mrz_lines"] = document.MrzLines.Count.ToString(CultureInfo.InvariantCulture);
            description = details["mrz_lines"] + " MRZ lines";
        }

        return new Outcome(HealthOutcome.Passed, "health.ok", t.Format("Health_Ok_External", data.Payload.Kind, description), details);
    }

    /// <summary>
    /// The default interactive check: the technician presents something; a device that captures on command is asked
    /// to, one that captures by itself (a swipe reader) is waited for. The capture is published and checked like any.
    /// </summary>
    private async Task<Outcome> InteractiveAsync(DeviceSupervisor device, DiagnosticsTexts t, CancellationToken cancellationToken)
    {
        Capture capture;
        if (device.Snapshot().TriggerKinds.Count > 0)
        {
            capture = await device.TriggerAsync(null, cancellationToken);
        }
        else
        {
            using var subscription = hub.Subscribe(hub.LastSequence, [device.DeviceId]);
            await using var captures = subscription.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            if (!await captures.MoveNextAsync())
            {
                throw new OperationCanceledException(cancellationToken);
            }

            capture = captures.Current;
        }

        var kind = capture.Kind.ToString();
        var details = new Dictionary<string, string>
        {
            ["kind"] = kind,
            ["capture_id"] = capture.Id,
            ["checks_passed"] = capture.Checks.Count(c => c.Outcome == CheckOutcome.Passed).ToString(CultureInfo.InvariantCulture),
            ["checks_failed"] = capture.Checks.Count(c => c.Outcome == CheckOutcome.Failed).ToString(CultureInfo.InvariantCulture),
        };

        // Check names only: a check's detail may quote what was read.
        var failed = capture.Checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => c.Name).ToList();
        if (capture.Checks.Count == 0)
        {
            // Nothing to verify (a simulated portrait): the device did capture, which is what this level asks.
            return new Outcome(HealthOutcome.Passed, "health.ok", t.Format("Health_Ok_Unchecked", kind), details);
        }

        return capture.Verified
            ? new Outcome(HealthOutcome.Passed, "health.ok", t.Format("Health_Ok_Interactive", kind, details["checks_passed"]), details)
            : new Outcome(HealthOutcome.Failed, "health.capture_unverified", t.Format("Health_Unverified", kind, failed.Count > 0 ? string.Join(", ", failed) : "-"), details);
    }

    private static IEnumerable<CapturedImage> Images(CapturePayload payload) => payload switch
    {
        PortraitPayload portrait => [portrait.Image],
        ImagePayload images => images.Images,
        FingerprintPayload fingers => fingers.Fingers.Select(f => f.Image),
        DocumentPayload document => document.Pages,
        _ => [],
    };
}

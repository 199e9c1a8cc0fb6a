using System.IO.Pipelines;
using System.IO.Ports;
using Gateway.Drivers.Serial.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Serial;

/// <summary>
/// An open serial port whose received bytes flow into <see cref="Input"/>. Reads block on a dedicated thread with a
/// finite timeout, because a vanished peer (USB pulled, pseudo-terminal closed) never completes an asynchronous
/// read: each timeout checks that the port is still there, and a port that is gone ends <see cref="Input"/> with
/// <see cref="Failure"/> set.
/// </summary>
public sealed class SerialConnection : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);
    private readonly SerialPort _port;
    private readonly string _path;
    private readonly TimeSpan? _silence;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false));
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;
    private long _lastDataAt;

    private SerialConnection(SerialPort port, SerialReaderOptions options, TimeProvider time, ILogger logger)
    {
        _port = port;
        _path = options.Port;
        _silence = options.SilenceTimeout;
        _time = time;
        _logger = logger;
        _lastDataAt = time.GetTimestamp();
    }

    /// <summary>The bytes received; completes when the port is gone or closed.</summary>
    public PipeReader Input => _pipe.Reader;

    /// <summary>Why <see cref="Input"/> ended, when the port failed rather than being closed.</summary>
    public DeviceException? Failure { get; private set; }

    /// <summary>The control lines (DTR, RTS) that were asked for but that the port does not have.</summary>
    public IReadOnlyList<string> SkippedControlLines { get; private init; } = [];

    /// <summary>Opens the port of <paramref name="options"/> and starts receiving.</summary>
    /// <exception cref="DeviceException">The port is missing or cannot be opened (transient: it may come back).</exception>
    public static SerialConnection Open(SerialReaderOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        if (!OperatingSystem.IsWindows() && !File.Exists(options.Port))
        {
            throw new DeviceException("serial.port_missing", $"Serial port {options.Port} does not exist (unplugged or not created yet).");
        }

        var port = new SerialPort(options.Port, options.BaudRate, options.Parity, options.DataBits, options.StopBits)
        {
            Handshake = options.Handshake,
            ReadTimeout = (int)options.PollInterval.TotalMilliseconds,
            WriteTimeout = 5000,
        };
        try
        {
            port.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new DeviceException("serial.open_failed", $"Serial port {options.Port} could not be opened: {ex.Message}", isTransient: true, ex);
        }

        var skipped = ControlLines.Set(port, options.DtrEnable, options.RtsEnable);
        if (skipped.Count > 0)
        {
            Log.ControlLinesSkipped(logger, options.Port, string.Join("/", skipped));
        }

        var connection = new SerialConnection(port, options, timeProvider ?? TimeProvider.System, logger) { SkippedControlLines = skipped };
        new Thread(connection.Receive) { IsBackground = true, Name = "serial " + options.Port }.Start();
        return connection;
    }

    /// <summary>Sends bytes (the emulator's side of a pair); blocks until the port has taken them.</summary>
    /// <exception cref="DeviceException">The port is gone.</exception>
    public void Write(ReadOnlySpan<byte> data)
    {
        try
        {
            _port.BaseStream.Write(data);
            _port.BaseStream.Flush();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or TimeoutException or ObjectDisposedException)
        {
            throw new DeviceException("serial.write_failed", $"Writing to serial port {_path} failed: {ex.Message}", isTransient: true, ex);
        }
    }

    /// <summary>
    /// Stops receiving and closes the port. Close can hang on a port whose peer vanished during I/O, so it runs in the
    /// background and is abandoned after a time limit rather than holding up a restart.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        await Bounded(_stopped.Task);
        if (!await Bounded(Task.Run(_port.Dispose)))
        {
            Log.CloseTimedOut(_logger, _path);
        }

        await _pipe.Reader.CompleteAsync();
    }

    private async Task<bool> Bounded(Task task)
    {
        try
        {
            await task.WaitAsync(StopTimeout, _time);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void Receive()
    {
        var buffer = new byte[4096];
        try
        {
            while (!_stopping)
            {
                int count;
                try
                {
                    count = _port.Read(buffer, 0, buffer.Length);
                }
                catch (TimeoutException)
                {
                    if (Gone() is { } reason)
                    {
                        Fail("serial.port_gone", reason, null);
                        return;
                    }

                    if (_silence is { } silence && _time.GetElapsedTime(Interlocked.Read(ref _lastDataAt)) >= silence)
                    {
                        Fail("serial.silent", $"nothing received for {silence.TotalSeconds:0.#} s", null);
                        return;
                    }

                    continue;
                }

                if (count <= 0)
                {
                    Fail("serial.port_gone", "the port returned no data", null);
                    return;
                }

                Interlocked.Exchange(ref _lastDataAt, _time.GetTimestamp());
                var flush = _pipe.Writer.WriteAsync(buffer.AsMemory(0, count));
                var result = flush.IsCompleted ? flush.Result : flush.AsTask().GetAwaiter().GetResult();
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
        {
            if (!_stopping)
            {
                Fail("serial.port_gone", ex.Message, ex);
            }
        }
        finally
        {
            _pipe.Writer.Complete();
            _stopped.TrySetResult();
        }
    }

    /// <summary>Why the port is gone, or null. A vanished peer shows as a closed port, a negative byte count or a missing device file.</summary>
    private string? Gone()
    {
        try
        {
            if (!_port.IsOpen)
            {
                return "the port closed";
            }

            if (_port.BytesToRead < 0)
            {
                return "the port no longer answers";
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            return ex.Message;
        }

        return !OperatingSystem.IsWindows() && !File.Exists(_path) ? "its device file is gone" : null;
    }

    private void Fail(string code, string reason, Exception? exception)
    {
        Log.PortGone(_logger, _path, reason);
        Failure = new DeviceException(code, $"Serial port {_path}: {reason}.", isTransient: true, exception);
    }
}

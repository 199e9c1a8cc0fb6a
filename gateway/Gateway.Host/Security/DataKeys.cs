using System.Security.Cryptography;
using System.Text;
using Gateway.Host.Configuration;
using Microsoft.Data.Sqlite;

namespace Gateway.Host.Security;

/// <summary>
/// The journal's data keys (AES-256), each stored wrapped (AES-GCM) under the key-encryption key of the key file.
/// New entries use the newest key; older keys stay as long as an entry needs them, so rotation never makes an entry
/// unreadable. Not thread-safe for writes: the journal serialises them; <see cref="Get"/> may be called from any thread.
/// </summary>
internal sealed class DataKeys
{
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _kek;
    private readonly Dictionary<long, byte[]> _keys = [];
    private readonly Lock _gate = new();
    private long _currentId;
    private DateTimeOffset _currentCreated;

    private DataKeys(byte[] kek) => _kek = kek;

    /// <summary>The id of the key new entries are encrypted with (0 before the first).</summary>
    public long CurrentId => _currentId;

    /// <summary>Reads and unwraps every stored data key.</summary>
    /// <exception cref="GatewayConfigurationException">A key does not unwrap: the key file is not the one the journal was made with.</exception>
    public static DataKeys Load(SqliteConnection connection, byte[] kek)
    {
        var keys = new DataKeys(kek);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, created_at, wrapped FROM data_keys ORDER BY id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var wrapped = (byte[])reader[2];
            try
            {
                keys._keys[id] = Unwrap(kek, id, wrapped);
            }
            catch (CryptographicException ex)
            {
                throw new GatewayConfigurationException(
                    "Gateway:Journal:KeyFile: the key file does not open the journal's data keys (was it replaced or lost?). "
                    + "Restore the key file the journal was made with, or move the journal folder aside to start an empty one.", ex);
            }

            keys._currentId = id;
            keys._currentCreated = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
        }

        return keys;
    }

    /// <summary>The key for new entries; makes a new one first when there is none or the newest is older than <paramref name="rotateAfter"/>.</summary>
    public (long Id, byte[] Key) Current(SqliteConnection connection, DateTimeOffset now, TimeSpan rotateAfter)
    {
        if (_currentId == 0 || now - _currentCreated >= rotateAfter)
        {
            Rotate(connection, now);
        }

        return (_currentId, Get(_currentId)!);
    }

    /// <summary>Makes a new data key for new entries; the older ones stay for reading.</summary>
    public void Rotate(SqliteConnection connection, DateTimeOffset now)
    {
        var id = _currentId + 1;
        var key = RandomNumberGenerator.GetBytes(KeySize);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO data_keys (id, created_at, wrapped) VALUES ($id, $created, $wrapped)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$created", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$wrapped", Wrap(_kek, id, key));
        command.ExecuteNonQuery();
        lock (_gate)
        {
            _keys[id] = key;
        }

        _currentId = id;
        _currentCreated = now;
    }

    /// <summary>Forgets the old keys no entry uses any more.</summary>
    public void Retire(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM data_keys WHERE id <> $current AND id NOT IN (SELECT DISTINCT key_id FROM entries) RETURNING id";
        command.Parameters.AddWithValue("$current", _currentId);
        using var reader = command.ExecuteReader();
        lock (_gate)
        {
            while (reader.Read())
            {
                _keys.Remove(reader.GetInt64(0));
            }
        }
    }

    /// <summary>The data key with this id, or null when it is not known.</summary>
    public byte[]? Get(long id)
    {
        lock (_gate)
        {
            return _keys.GetValueOrDefault(id);
        }
    }

    private static byte[] Wrap(byte[] kek, long id, byte[] key)
    {
        var wrapped = new byte[NonceSize + TagSize + KeySize];
        var nonce = wrapped.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(kek, TagSize);
        aes.Encrypt(nonce, key, wrapped.AsSpan(NonceSize + TagSize), wrapped.AsSpan(NonceSize, TagSize), Label(id));
        return wrapped;
    }

    private static byte[] Unwrap(byte[] kek, long id, byte[] wrapped)
    {
        if (wrapped.Length != NonceSize + TagSize + KeySize)
        {
            throw new CryptographicException("A wrapped data key has the wrong length.");
        }

        var key = new byte[KeySize];
        using var aes = new AesGcm(kek, TagSize);
        aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize + TagSize), wrapped.AsSpan(NonceSize, TagSize), key, Label(id));
        return key;
    }

    private static byte[] Label(long id) => Encoding.ASCII.GetBytes($"gateway-journal-data-key:{id}");
}

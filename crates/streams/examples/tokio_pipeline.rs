//! file → gzip → file with node-streams in a plain tokio program (no nrt event loop):
//! `cargo run -p node-streams --example tokio_pipeline -- input.txt output.txt.gz`

use node_streams::{pipeline, zlib, Readable, ReadableOptions, Writable};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = tempfile::tempdir()?;
    let (input, output) = match (args.next(), args.next()) {
        (Some(i), Some(o)) => (i.into(), o.into()),
        _ => {
            let i = dir.path().join("input.txt");
            tokio::fs::write(&i, "hello from node-streams\n".repeat(10_000)).await?;
            (i, dir.path().join("output.txt.gz"))
        }
    };
    let src = Readable::from_async_read(
        tokio::fs::File::open(&input).await?,
        ReadableOptions {
            high_water_mark: Some(64 * 1024), // as fs.createReadStream
            ..Default::default()
        },
    );
    let gzip = zlib::create_gzip(&Default::default())?;
    let dst =
        Writable::from_async_write(tokio::fs::File::create(&output).await?, Default::default());
    pipeline(&[&src, &gzip, &dst]).await?;

    let packed = tokio::fs::read(&output).await?;
    let unpacked = zlib::gunzip_sync(&packed, &Default::default())?;
    let original = tokio::fs::read(&input).await?;
    assert_eq!(unpacked, original);
    println!(
        "{} -> {}: {} bytes -> {} bytes",
        input.display(),
        output.display(),
        original.len(),
        packed.len()
    );
    Ok(())
}

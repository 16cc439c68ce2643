// memscope_oracle::start()/stop() record only a region: the setup before start and the drops after stop are left out.
fn main() {
    let setup = String::from("not recorded");
    memscope_oracle::start();
    let v: Vec<u64> = vec![1, 2];
    drop(v);
    memscope_oracle::stop();
    println!("{}", setup);
}

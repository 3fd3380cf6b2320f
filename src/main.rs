fn main() {
    println!("akhbar");
}

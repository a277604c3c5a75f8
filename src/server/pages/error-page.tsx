import { Layout } from "../components/layout.js";

export function ErrorPage(props: { status: number; message: string; details: string[] }) {
  const title =
    props.status === 404 ? "Not found" : props.status === 400 ? "Bad request" : "Something went wrong";
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <div class="error-box" role="alert">
        <p>{props.message}.</p>
        {props.details.length > 0 ? (
          <ul>
            {props.details.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <p>
        Go to the <a href="/">dashboard</a>, the <a href="/platforms">list of platforms</a> or{" "}
        <a href="/search">search</a>.
      </p>
    </Layout>
  );
}

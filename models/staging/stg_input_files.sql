with

source as (

    select * from {{ source('ingest', 'raw_input_files') }}

),

final as (

    select
        file_name,
        report_id,
        file_bytes,
        content_sha256,
        text_encoding,
        line_endings,
        input_status,
        same_as_file,
        detail
    from source

)

select * from final

{#-
    Every entry of the reports folder and what the build did with it: nothing in the folder
    is skipped in silence, and nothing is counted twice.
-#}
with

files as (

    select * from {{ ref('stg_input_files') }}

),

final as (

    select
        file_name,
        report_id,
        input_status,
        input_status in ('loaded') as is_loaded,
        same_as_file,
        detail,
        file_bytes,
        content_sha256,
        text_encoding,
        line_endings
    from files

)

select * from final

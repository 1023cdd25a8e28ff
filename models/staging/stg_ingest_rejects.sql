with

source as (

    select * from {{ source('ingest', 'raw_ingest_rejects') }}

),

final as (

    select
        report_id,
        file_name,
        source_line,
        table_id,
        row_label,
        printed_text,
        reason
    from source

)

select * from final
